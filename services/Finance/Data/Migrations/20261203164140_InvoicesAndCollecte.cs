using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Opco.Finance.Data.Migrations
{
    /// <inheritdoc />
    public partial class InvoicesAndCollecte : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "call_for_funds_numbers");

            migrationBuilder.CreateSequence(
                name: "mandate_references");

            migrationBuilder.CreateTable(
                name: "contribution_campaigns",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RemindedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contribution_campaigns", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "contribution_declarations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Siret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    AverageHeadcount = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    Payroll = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    BandCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    BandLabel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Rate = table.Column<decimal>(type: "numeric(8,6)", precision: 8, scale: 6, nullable: false),
                    Minimum = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeclaredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeclaredBy = table.Column<Guid>(type: "uuid", nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PaymentRecordedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contribution_declarations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "contribution_rates",
                columns: table => new
                {
                    BandCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FromHeadcount = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    ToHeadcount = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    Rate = table.Column<decimal>(type: "numeric(8,6)", precision: 8, scale: 6, nullable: false),
                    Minimum = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contribution_rates", x => x.BandCode);
                });

            migrationBuilder.CreateTable(
                name: "direct_debit_mandates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    Siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Siret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    Scheme = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    EncryptedIban = table.Column<byte[]>(type: "bytea", nullable: false),
                    MaskedIban = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Bic = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    DebtorName = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: false),
                    Signatory = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActivatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LastUsedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_direct_debit_mandates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "early_dossier_completions",
                columns: table => new
                {
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_early_dossier_completions", x => x.DossierId);
                });

            migrationBuilder.CreateTable(
                name: "funded_dossiers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<long>(type: "bigint", nullable: false),
                    Siret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    Siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    SchemeCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    GrantedAmount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Hours = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DirectPayment = table.Column<bool>(type: "boolean", nullable: false),
                    ProviderSiret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true),
                    ProviderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ProviderMaskedIban = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    GrantedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SettledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funded_dossiers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "voluntary_contributions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<long>(type: "bigint", nullable: false),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Siret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    AccountCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MandateId = table.Column<Guid>(type: "uuid", nullable: true),
                    MandateReference = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voluntary_contributions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "direct_debit_mandate_history",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MandateId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    By = table.Column<Guid>(type: "uuid", nullable: true),
                    What = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MaskedIban = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_direct_debit_mandate_history", x => x.Id);
                    table.ForeignKey(
                        name: "FK_direct_debit_mandate_history_direct_debit_mandates_MandateId",
                        column: x => x.MandateId,
                        principalTable: "direct_debit_mandates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "invoices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierNumber = table.Column<long>(type: "bigint", nullable: false),
                    Siret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    Issuer = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IssuerSiret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    HoursDone = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    AmountExclTax = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Vat = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    AmountInclTax = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RejectionReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    EncryptedIban = table.Column<byte[]>(type: "bytea", nullable: true),
                    MaskedIban = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    IbanFingerprint = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true),
                    NewBankAccount = table.Column<bool>(type: "boolean", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FileSize = table.Column<long>(type: "bigint", nullable: false),
                    SubmittedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmittedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CheckedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    CheckedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_invoices_funded_dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "funded_dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "voluntary_contribution_instalments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContributionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CashedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CashedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voluntary_contribution_instalments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_voluntary_contribution_instalments_voluntary_contributions_~",
                        column: x => x.ContributionId,
                        principalTable: "voluntary_contributions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "invoice_files",
                columns: table => new
                {
                    InvoiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoice_files", x => x.InvoiceId);
                    table.ForeignKey(
                        name: "FK_invoice_files_invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "invoice_history",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvoiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    From = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    To = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoice_history", x => x.Id);
                    table.ForeignKey(
                        name: "FK_invoice_history_invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "invoice_payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InvoiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    PayeeName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PayeeMaskedIban = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoice_payments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_invoice_payments_invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "contribution_rates",
                columns: new[] { "BandCode", "FromHeadcount", "Label", "Minimum", "Rate", "ToHeadcount" },
                values: new object[,]
                {
                    { "11-49", 11m, "De 11 à 49 salariés", 150m, 0.0020m, 50m },
                    { "300-plus", 300m, "300 salariés et plus", 1500m, 0.0040m, null },
                    { "50-299", 50m, "De 50 à 299 salariés", 500m, 0.0030m, 300m },
                    { "moins-11", 0m, "Moins de 11 salariés", 50m, 0.0010m, 11m }
                });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_credit_cause",
                table: "ledger_entries",
                column: "CauseId",
                unique: true,
                filter: "\"Kind\" = 'Credit' AND \"CauseId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_contribution_declarations_siren_year",
                table: "contribution_declarations",
                columns: new[] { "Siren", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contribution_declarations_Status_DueOn",
                table: "contribution_declarations",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_direct_debit_mandate_history_MandateId",
                table: "direct_debit_mandate_history",
                column: "MandateId");

            migrationBuilder.CreateIndex(
                name: "IX_direct_debit_mandates_Reference",
                table: "direct_debit_mandates",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_direct_debit_mandates_Siren_Status",
                table: "direct_debit_mandates",
                columns: new[] { "Siren", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_funded_dossiers_Siret",
                table: "funded_dossiers",
                column: "Siret");

            migrationBuilder.CreateIndex(
                name: "IX_invoice_history_InvoiceId",
                table: "invoice_history",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_invoice_payments_DossierId",
                table: "invoice_payments",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_invoice_payments_InvoiceId",
                table: "invoice_payments",
                column: "InvoiceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_invoices_DossierId",
                table: "invoices",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_issuer_number",
                table: "invoices",
                columns: new[] { "IssuerSiret", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_invoices_Siret_SubmittedAt",
                table: "invoices",
                columns: new[] { "Siret", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_invoices_Status_SubmittedAt",
                table: "invoices",
                columns: new[] { "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_voluntary_contribution_instalments_ContributionId_Rank",
                table: "voluntary_contribution_instalments",
                columns: new[] { "ContributionId", "Rank" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_voluntary_contributions_Number",
                table: "voluntary_contributions",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_voluntary_contributions_Reference",
                table: "voluntary_contributions",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_voluntary_contributions_Siren_CreatedAt",
                table: "voluntary_contributions",
                columns: new[] { "Siren", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_voluntary_contributions_Status",
                table: "voluntary_contributions",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contribution_campaigns");

            migrationBuilder.DropTable(
                name: "contribution_declarations");

            migrationBuilder.DropTable(
                name: "contribution_rates");

            migrationBuilder.DropTable(
                name: "direct_debit_mandate_history");

            migrationBuilder.DropTable(
                name: "early_dossier_completions");

            migrationBuilder.DropTable(
                name: "invoice_files");

            migrationBuilder.DropTable(
                name: "invoice_history");

            migrationBuilder.DropTable(
                name: "invoice_payments");

            migrationBuilder.DropTable(
                name: "voluntary_contribution_instalments");

            migrationBuilder.DropTable(
                name: "direct_debit_mandates");

            migrationBuilder.DropTable(
                name: "invoices");

            migrationBuilder.DropTable(
                name: "voluntary_contributions");

            migrationBuilder.DropTable(
                name: "funded_dossiers");

            migrationBuilder.DropIndex(
                name: "ix_ledger_entries_credit_cause",
                table: "ledger_entries");

            migrationBuilder.DropSequence(
                name: "call_for_funds_numbers");

            migrationBuilder.DropSequence(
                name: "mandate_references");
        }
    }
}
