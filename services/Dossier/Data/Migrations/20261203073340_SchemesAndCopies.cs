using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Opco.Dossier.Data.Migrations
{
    /// <inheritdoc />
    public partial class SchemesAndCopies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "copy_fills",
                columns: table => new
                {
                    copy_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_copy_fills", x => x.copy_name);
                });

            migrationBuilder.CreateTable(
                name: "member_companies",
                columns: table => new
                {
                    siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    headcount = table.Column<int>(type: "integer", nullable: true),
                    service_offer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_member_companies", x => x.siren);
                });

            migrationBuilder.CreateTable(
                name: "preferred_establishments",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    siret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_preferred_establishments", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "schemes",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Label = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    FundingKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FundingSource = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CatalogueOnly = table.Column<bool>(type: "boolean", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    DisplayOrder = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    CostPerKm = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    MaxPerAction = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    MealCost = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    NightCost = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    SalaryCostPerHour = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    TeachingCostPerHour = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    DirectPaymentMaxHeadcount = table.Column<int>(type: "integer", nullable: true),
                    DirectPaymentRequiredOffer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    EligibilityMaxHeadcount = table.Column<int>(type: "integer", nullable: true),
                    EligibilityRequiredOffer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_schemes", x => x.Code);
                });

            // The schemes of domain.md, with sample ceilings (30 €/h of training, the SMIC hourly cost for salaries) that
            // OPCO administrators adjust: data, not code. Plan and subrogation: "DEFi Performance" or fewer than 11 employees.
            string[] columns = ["Code", "Label", "FundingKind", "FundingSource", "CatalogueOnly", "IsActive", "DisplayOrder", "UpdatedAt",
                "EligibilityRequiredOffer", "EligibilityMaxHeadcount", "DirectPaymentRequiredOffer", "DirectPaymentMaxHeadcount",
                "TeachingCostPerHour", "SalaryCostPerHour", "MealCost", "NightCost", "CostPerKm", "MaxPerAction"];
            var seededAt = new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero);
            migrationBuilder.InsertData("schemes", columns, new object[,]
            {
                { "Plan", "Plan de développement des compétences", "CompanyAccount", "Plan obligatoire", false, true, 1, seededAt,
                    "DEFi Performance", 10, "DEFi Performance", 10, 30.00m, 11.88m, 20.00m, 90.00m, 0.30m, 15000.00m },
                { "SelectionDefi", "Sélection DEFi", "CompanyAccount", "Sélection DEFi", true, true, 2, seededAt,
                    null, null, "DEFi Performance", 10, 30.00m, 11.88m, 20.00m, 90.00m, 0.30m, 10000.00m },
                { "VersementVolontaire", "Versement volontaire", "CompanyAccount", "Versement Volontaire", false, true, 3, seededAt,
                    null, null, "DEFi Performance", 10, 30.00m, 11.88m, 20.00m, 90.00m, 0.30m, 15000.00m },
                { "ProA", "Pro-A (reconversion ou promotion par alternance)", "PooledSource", "Alternance", false, true, 4, seededAt,
                    null, null, "DEFi Performance", 10, 9.15m, 11.88m, 20.00m, 90.00m, 0.30m, 15000.00m },
            });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "copy_fills");

            migrationBuilder.DropTable(
                name: "member_companies");

            migrationBuilder.DropTable(
                name: "preferred_establishments");

            migrationBuilder.DropTable(
                name: "schemes");
        }
    }
}
