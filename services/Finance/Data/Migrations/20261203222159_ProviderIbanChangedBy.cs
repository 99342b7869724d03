using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Opco.Finance.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProviderIbanChangedBy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ChangedBy",
                table: "training_provider_ibans",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "ProviderIbanChangedBy",
                table: "funded_dossiers",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChangedBy",
                table: "training_provider_ibans");

            migrationBuilder.DropColumn(
                name: "ProviderIbanChangedBy",
                table: "funded_dossiers");
        }
    }
}
