using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Opco.Dossier.Data.Migrations
{
    /// <inheritdoc />
    public partial class DossierCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dossier_counts",
                columns: table => new
                {
                    Siret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Dossiers = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_counts", x => new { x.Siret, x.Status });
                });

            // Kept by the database in the writer's transaction, whatever writes (EF, a bulk load), so a total is never off.
            // Inserts and deletes are summed once per statement (a bulk load touches each counter once); a move, per row,
            // only when the status or establishment changes, so saving a draft never touches a counter. A statement locks
            // its counters in one order; a transaction moving many dossiers takes them in that order first (the nightly
            // run). The table is locked against writers while the counts are first filled and the triggers created.
            migrationBuilder.Sql("""
                LOCK TABLE dossiers IN SHARE ROW EXCLUSIVE MODE;
                INSERT INTO dossier_counts ("Siret", "Status", "Dossiers")
                SELECT "Siret", "Status", count(*) FROM dossiers GROUP BY "Siret", "Status";

                CREATE FUNCTION dossier_counts_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO dossier_counts AS c ("Siret", "Status", "Dossiers")
                    SELECT "Siret", "Status", count(*) FROM added GROUP BY "Siret", "Status" ORDER BY "Siret", "Status"
                    ON CONFLICT ("Siret", "Status") DO UPDATE SET "Dossiers" = c."Dossiers" + excluded."Dossiers";
                    RETURN NULL;
                END $$;

                CREATE FUNCTION dossier_counts_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE dossier_counts AS c SET "Dossiers" = c."Dossiers" - r.n
                    FROM (SELECT "Siret", "Status", count(*) AS n FROM removed GROUP BY "Siret", "Status" ORDER BY "Siret", "Status") AS r
                    WHERE c."Siret" = r."Siret" AND c."Status" = r."Status";
                    RETURN NULL;
                END $$;

                CREATE FUNCTION dossier_counts_after_move() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO dossier_counts AS c ("Siret", "Status", "Dossiers")
                    SELECT s, st, n FROM (VALUES (OLD."Siret", OLD."Status", -1::bigint), (NEW."Siret", NEW."Status", 1::bigint)) AS v (s, st, n)
                    ORDER BY s, st
                    ON CONFLICT ("Siret", "Status") DO UPDATE SET "Dossiers" = c."Dossiers" + excluded."Dossiers";
                    RETURN NULL;
                END $$;

                CREATE FUNCTION dossier_counts_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM dossier_counts;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER dossier_counts_on_insert AFTER INSERT ON dossiers REFERENCING NEW TABLE AS added
                    FOR EACH STATEMENT EXECUTE FUNCTION dossier_counts_after_insert();
                CREATE TRIGGER dossier_counts_on_delete AFTER DELETE ON dossiers REFERENCING OLD TABLE AS removed
                    FOR EACH STATEMENT EXECUTE FUNCTION dossier_counts_after_delete();
                CREATE TRIGGER dossier_counts_on_move AFTER UPDATE OF "Siret", "Status" ON dossiers
                    FOR EACH ROW WHEN (OLD."Siret" IS DISTINCT FROM NEW."Siret" OR OLD."Status" IS DISTINCT FROM NEW."Status")
                    EXECUTE FUNCTION dossier_counts_after_move();
                CREATE TRIGGER dossier_counts_on_truncate AFTER TRUNCATE ON dossiers
                    FOR EACH STATEMENT EXECUTE FUNCTION dossier_counts_after_truncate();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER dossier_counts_on_truncate ON dossiers;
                DROP TRIGGER dossier_counts_on_move ON dossiers;
                DROP TRIGGER dossier_counts_on_delete ON dossiers;
                DROP TRIGGER dossier_counts_on_insert ON dossiers;
                DROP FUNCTION dossier_counts_after_truncate();
                DROP FUNCTION dossier_counts_after_move();
                DROP FUNCTION dossier_counts_after_delete();
                DROP FUNCTION dossier_counts_after_insert();
                """);
            migrationBuilder.DropTable(
                name: "dossier_counts");
        }
    }
}
