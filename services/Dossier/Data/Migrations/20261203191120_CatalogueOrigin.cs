using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Opco.Dossier.Data.Migrations
{
    /// <inheritdoc />
    public partial class CatalogueOrigin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CatalogueOfferId",
                table: "dossiers",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CatalogueProviderId",
                table: "dossiers",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CatalogueOfferId",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "CatalogueProviderId",
                table: "dossiers");
        }
    }
}
