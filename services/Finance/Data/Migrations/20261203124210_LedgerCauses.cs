using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Opco.Finance.Data.Migrations
{
    /// <inheritdoc />
    public partial class LedgerCauses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "DossierId",
                table: "ledger_entries",
                newName: "CauseId");

            migrationBuilder.RenameIndex(
                name: "ix_ledger_entries_commitment_dossier",
                table: "ledger_entries",
                newName: "ix_ledger_entries_commitment_cause");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "CauseId",
                table: "ledger_entries",
                newName: "DossierId");

            migrationBuilder.RenameIndex(
                name: "ix_ledger_entries_commitment_cause",
                table: "ledger_entries",
                newName: "ix_ledger_entries_commitment_dossier");
        }
    }
}
