using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Opco.Finance.Data.Migrations
{
    /// <inheritdoc />
    public partial class TrainingProviderIbans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ProviderIbanChangedAt",
                table: "funded_dossiers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ProviderIbanChangedBy",
                table: "funded_dossiers",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "training_provider_ibans",
                columns: table => new
                {
                    ProviderSiret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    MaskedIban = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedBy = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_training_provider_ibans", x => x.ProviderSiret);
                });

            migrationBuilder.CreateIndex(
                name: "IX_funded_dossiers_ProviderSiret",
                table: "funded_dossiers",
                column: "ProviderSiret",
                filter: "\"DirectPayment\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "training_provider_ibans");

            migrationBuilder.DropIndex(
                name: "IX_funded_dossiers_ProviderSiret",
                table: "funded_dossiers");

            migrationBuilder.DropColumn(
                name: "ProviderIbanChangedAt",
                table: "funded_dossiers");

            migrationBuilder.DropColumn(
                name: "ProviderIbanChangedBy",
                table: "funded_dossiers");
        }
    }
}
