using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Opco.Dossier.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProviderIbanAndEntryVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "IbanChangedAt",
                table: "training_providers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "IbanChangedBy",
                table: "training_providers",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "training_providers",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "dossiers",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "contracts",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IbanChangedAt",
                table: "training_providers");

            migrationBuilder.DropColumn(
                name: "IbanChangedBy",
                table: "training_providers");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "training_providers");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "contracts");
        }
    }
}
