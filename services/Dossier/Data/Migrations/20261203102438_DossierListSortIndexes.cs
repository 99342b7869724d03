using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Opco.Dossier.Data.Migrations
{
    /// <inheritdoc />
    public partial class DossierListSortIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_dossiers_Siret_CreatedAt",
                table: "dossiers");

            migrationBuilder.DropIndex(
                name: "IX_dossiers_Siret_Status_CreatedAt",
                table: "dossiers");

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_Siret_CreatedAt_Number",
                table: "dossiers",
                columns: new[] { "Siret", "CreatedAt", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_Siret_GrantedAmount_Number",
                table: "dossiers",
                columns: new[] { "Siret", "GrantedAmount", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_Siret_RequestedAmount_Number",
                table: "dossiers",
                columns: new[] { "Siret", "RequestedAmount", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_Siret_SchemeCode_Number",
                table: "dossiers",
                columns: new[] { "Siret", "SchemeCode", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_Siret_StartDate_Number",
                table: "dossiers",
                columns: new[] { "Siret", "StartDate", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_Siret_Status_CreatedAt_Number",
                table: "dossiers",
                columns: new[] { "Siret", "Status", "CreatedAt", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_Siret_Status_Number",
                table: "dossiers",
                columns: new[] { "Siret", "Status", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_Siret_Title_Number",
                table: "dossiers",
                columns: new[] { "Siret", "Title", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_Siret_UpdatedAt_Number",
                table: "dossiers",
                columns: new[] { "Siret", "UpdatedAt", "Number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_dossiers_Siret_CreatedAt_Number",
                table: "dossiers");

            migrationBuilder.DropIndex(
                name: "IX_dossiers_Siret_GrantedAmount_Number",
                table: "dossiers");

            migrationBuilder.DropIndex(
                name: "IX_dossiers_Siret_RequestedAmount_Number",
                table: "dossiers");

            migrationBuilder.DropIndex(
                name: "IX_dossiers_Siret_SchemeCode_Number",
                table: "dossiers");

            migrationBuilder.DropIndex(
                name: "IX_dossiers_Siret_StartDate_Number",
                table: "dossiers");

            migrationBuilder.DropIndex(
                name: "IX_dossiers_Siret_Status_CreatedAt_Number",
                table: "dossiers");

            migrationBuilder.DropIndex(
                name: "IX_dossiers_Siret_Status_Number",
                table: "dossiers");

            migrationBuilder.DropIndex(
                name: "IX_dossiers_Siret_Title_Number",
                table: "dossiers");

            migrationBuilder.DropIndex(
                name: "IX_dossiers_Siret_UpdatedAt_Number",
                table: "dossiers");

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_Siret_CreatedAt",
                table: "dossiers",
                columns: new[] { "Siret", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_Siret_Status_CreatedAt",
                table: "dossiers",
                columns: new[] { "Siret", "Status", "CreatedAt" });
        }
    }
}
