using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Opco.Finance.Data.Migrations
{
    /// <inheritdoc />
    public partial class LedgerCausesAndCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ledger_entries_AccountId",
                table: "ledger_entries");

            migrationBuilder.AddColumn<string>(
                name: "Cause",
                table: "ledger_entries",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Siren",
                table: "ledger_entries",
                type: "character varying(9)",
                maxLength: 9,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Cents",
                table: "ledger_entries",
                type: "bigint",
                nullable: false,
                computedColumnSql: "(\"Amount\" * 100)::bigint",
                stored: true);

            // The lines written before causes were kept: credits were allocations, the others a dossier's or a contract's.
            migrationBuilder.Sql("""
                UPDATE ledger_entries SET "Cause" = CASE
                    WHEN "Kind" = 'Credit' THEN 'Allocation'
                    WHEN "Reference" LIKE 'Contrat de pro%' THEN 'ProfessionalisationContract'
                    ELSE 'Dossier' END;
                UPDATE ledger_entries e SET "Siren" = a."Siren" FROM funding_accounts a WHERE e."AccountId" = a."Id" AND a."Siren" IS NOT NULL;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_AccountId_Kind",
                table: "ledger_entries",
                columns: new[] { "AccountId", "Kind" })
                .Annotation("Npgsql:IndexInclude", new[] { "Cents" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_AccountId_RecordedAt_Id",
                table: "ledger_entries",
                columns: new[] { "AccountId", "RecordedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_Siren_AccountId",
                table: "ledger_entries",
                columns: new[] { "Siren", "AccountId" })
                .Annotation("Npgsql:IndexInclude", new[] { "Kind", "Cents" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ledger_entries_AccountId_Kind",
                table: "ledger_entries");

            migrationBuilder.DropIndex(
                name: "IX_ledger_entries_AccountId_RecordedAt_Id",
                table: "ledger_entries");

            migrationBuilder.DropIndex(
                name: "IX_ledger_entries_Siren_AccountId",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "Cents",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "Cause",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "Siren",
                table: "ledger_entries");

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_AccountId",
                table: "ledger_entries",
                column: "AccountId");
        }
    }
}
