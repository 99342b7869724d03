using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Opco.Dossier.Data.Migrations
{
    /// <inheritdoc />
    public partial class ActivityReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "defi_report_jobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Sirets = table.Column<List<string>>(type: "text[]", nullable: false),
                    RequestedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Progress = table.Column<int>(type: "integer", nullable: false),
                    Step = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LeaseUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Failure = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Csv = table.Column<byte[]>(type: "bytea", nullable: true),
                    Pdf = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_defi_report_jobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dossier_payments",
                columns: table => new
                {
                    PaymentId = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierNumber = table.Column<long>(type: "bigint", nullable: false),
                    Siret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    InvoiceNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_payments", x => x.PaymentId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_defi_report_jobs_Siren_RequestedAt",
                table: "defi_report_jobs",
                columns: new[] { "Siren", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_defi_report_jobs_Status_RequestedAt",
                table: "defi_report_jobs",
                columns: new[] { "Status", "RequestedAt" },
                filter: "\"Status\" IN ('Requested', 'InProgress')");

            migrationBuilder.CreateIndex(
                name: "IX_dossier_payments_DossierId",
                table: "dossier_payments",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_dossier_payments_Siret_PaidOn",
                table: "dossier_payments",
                columns: new[] { "Siret", "PaidOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "defi_report_jobs");

            migrationBuilder.DropTable(
                name: "dossier_payments");
        }
    }
}
