using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Opco.Messaging.Outbox;

/// <summary>
/// Relay order is id order, so an aggregate's ids must follow commit order. A BEFORE INSERT trigger takes a
/// transaction-scoped advisory lock per aggregate and only then draws the row's id: a second writer of the same
/// aggregate waits for the first to commit, and gets the larger id. Done in the insert itself, it costs no extra
/// round trip (an interceptor taking the lock cost two, and a transaction for every single-statement save).
/// Writers of different aggregates never wait for each other.
/// </summary>
public static class OutboxCommitOrder
{
    public const string TriggerName = "outbox_messages_commit_order";

    public const string CreateSql = """
        CREATE OR REPLACE FUNCTION outbox_messages_commit_order() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.aggregate_id IS NOT NULL THEN
                PERFORM pg_advisory_xact_lock(hashtext('outbox:' || NEW.aggregate_id));
                NEW.id := nextval(pg_get_serial_sequence(quote_ident(TG_TABLE_SCHEMA) || '.' || quote_ident(TG_TABLE_NAME), 'id'));
            END IF;
            RETURN NEW;
        END $$;
        CREATE OR REPLACE TRIGGER outbox_messages_commit_order BEFORE INSERT ON outbox_messages
            FOR EACH ROW EXECUTE FUNCTION outbox_messages_commit_order();
        """;

    public const string DropSql = """
        DROP TRIGGER IF EXISTS outbox_messages_commit_order ON outbox_messages;
        DROP FUNCTION IF EXISTS outbox_messages_commit_order();
        """;

    /// <summary>For a service's migration that follows the one creating the outbox table.</summary>
    public static void CreateOutboxCommitOrder(this MigrationBuilder migrationBuilder) => migrationBuilder.Sql(CreateSql);

    public static void DropOutboxCommitOrder(this MigrationBuilder migrationBuilder) => migrationBuilder.Sql(DropSql);
}
