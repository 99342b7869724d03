using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Opco.Finance.Data.Migrations
{
    /// <inheritdoc />
    public partial class LedgerCausesCorrectionsAndClosings : Migration
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

            migrationBuilder.CreateTable(
                name: "ledger_closed_sums",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PeriodEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Cents = table.Column<long>(type: "bigint", nullable: false),
                    Lines = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_closed_sums", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ledger_closings",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClosedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_closings", x => x.AccountId);
                    table.ForeignKey(
                        name: "FK_ledger_closings_funding_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "funding_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                columns: new[] { "AccountId", "RecordedAt", "Id" })
                .Annotation("Npgsql:IndexInclude", new[] { "Kind", "Cents" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_Siren_AccountId_RecordedAt",
                table: "ledger_entries",
                columns: new[] { "Siren", "AccountId", "RecordedAt" })
                .Annotation("Npgsql:IndexInclude", new[] { "Kind", "Cents" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_closed_sums_AccountId_Kind",
                table: "ledger_closed_sums",
                columns: new[] { "AccountId", "Kind" })
                .Annotation("Npgsql:IndexInclude", new[] { "Cents", "Lines" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_closed_sums_AccountId_PeriodEnd_Kind_Siren",
                table: "ledger_closed_sums",
                columns: new[] { "AccountId", "PeriodEnd", "Kind", "Siren" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_closed_sums_Siren_AccountId",
                table: "ledger_closed_sums",
                columns: new[] { "Siren", "AccountId" })
                .Annotation("Npgsql:IndexInclude", new[] { "Kind", "Cents", "Lines" });

            // A line is never changed nor deleted (a correction is a new line), none enters a closed period, a period's
            // sums are never changed and a boundary only moves forward: the figures read from closed sums depend on all four.
            migrationBuilder.Sql("""
                CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION '%: the ledger is never changed nor deleted', TG_TABLE_NAME; END $$;
                CREATE TRIGGER ledger_entries_immutable BEFORE UPDATE OR DELETE ON ledger_entries
                    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
                CREATE TRIGGER ledger_entries_not_truncated BEFORE TRUNCATE ON ledger_entries
                    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
                CREATE TRIGGER ledger_closed_sums_immutable BEFORE UPDATE OR DELETE ON ledger_closed_sums
                    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
                CREATE TRIGGER ledger_closings_kept BEFORE DELETE ON ledger_closings
                    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
                CREATE FUNCTION ledger_closings_forward() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW."ClosedUntil" < OLD."ClosedUntil" THEN RAISE EXCEPTION 'ledger_closings: a closed period is never reopened'; END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER ledger_closings_forward BEFORE UPDATE ON ledger_closings
                    FOR EACH ROW EXECUTE FUNCTION ledger_closings_forward();
                CREATE FUNCTION ledger_entries_open_period() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM ledger_closings WHERE "AccountId" = NEW."AccountId" AND "ClosedUntil" > NEW."RecordedAt") THEN
                        RAISE EXCEPTION 'ledger_entries: the period of % is closed for this account', NEW."RecordedAt";
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER ledger_entries_open_period BEFORE INSERT ON ledger_entries
                    FOR EACH ROW EXECUTE FUNCTION ledger_entries_open_period();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER ledger_entries_open_period ON ledger_entries; DROP FUNCTION ledger_entries_open_period();
                DROP TRIGGER ledger_closings_forward ON ledger_closings; DROP FUNCTION ledger_closings_forward();
                DROP TRIGGER ledger_closings_kept ON ledger_closings;
                DROP TRIGGER ledger_closed_sums_immutable ON ledger_closed_sums;
                DROP TRIGGER ledger_entries_not_truncated ON ledger_entries;
                DROP TRIGGER ledger_entries_immutable ON ledger_entries; DROP FUNCTION ledger_refuse_change();
                """);

            migrationBuilder.DropTable(
                name: "ledger_closed_sums");

            migrationBuilder.DropTable(
                name: "ledger_closings");

            migrationBuilder.DropIndex(
                name: "IX_ledger_entries_AccountId_Kind",
                table: "ledger_entries");

            migrationBuilder.DropIndex(
                name: "IX_ledger_entries_AccountId_RecordedAt_Id",
                table: "ledger_entries");

            migrationBuilder.DropIndex(
                name: "IX_ledger_entries_Siren_AccountId_RecordedAt",
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
