using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Opco.Dossier.Data.Migrations
{
    /// <inheritdoc />
    public partial class DossierListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_dossiers_Siret_Number",
                table: "dossiers",
                columns: new[] { "Siret", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_Siret_Status_CreatedAt",
                table: "dossiers",
                columns: new[] { "Siret", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_title_trgm",
                table: "dossiers",
                column: "Title")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_dossiers_Siret_Number",
                table: "dossiers");

            migrationBuilder.DropIndex(
                name: "IX_dossiers_Siret_Status_CreatedAt",
                table: "dossiers");

            migrationBuilder.DropIndex(
                name: "ix_dossiers_title_trgm",
                table: "dossiers");
        }
    }
}
