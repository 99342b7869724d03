using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Opco.Dossier.Data.Migrations
{
    /// <inheritdoc />
    public partial class SettlementReleases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "SettlementRelease",
                table: "dossiers",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SettlementRelease",
                table: "dossiers");
        }
    }
}
