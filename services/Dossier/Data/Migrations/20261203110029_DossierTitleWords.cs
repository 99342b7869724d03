using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Opco.Dossier.Data.Migrations
{
    /// <inheritdoc />
    public partial class DossierTitleWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_dossiers_title_trgm",
                table: "dossiers");

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "TitleWords",
                table: "dossiers",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('simple', coalesce(\"Title\", ''))",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_TitleWords",
                table: "dossiers",
                column: "TitleWords")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_dossiers_TitleWords",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "TitleWords",
                table: "dossiers");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_title_trgm",
                table: "dossiers",
                column: "Title")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }
    }
}
