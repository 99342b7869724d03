using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Opco.Onboarding.Data.Migrations
{
    /// <inheritdoc />
    public partial class AccountRequestDecisionPath : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_account_requests_pending_email_siret",
                table: "account_requests");

            migrationBuilder.AddColumn<string>(
                name: "DecidedByName",
                table: "account_requests",
                type: "character varying(201)",
                maxLength: 201,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FailureReason",
                table: "account_requests",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_account_requests_pending_email_siret",
                table: "account_requests",
                columns: new[] { "Email", "Siret" },
                unique: true,
                filter: "\"Status\" IN ('Pending', 'Approving', 'Failed')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_account_requests_pending_email_siret",
                table: "account_requests");

            migrationBuilder.DropColumn(
                name: "DecidedByName",
                table: "account_requests");

            migrationBuilder.DropColumn(
                name: "FailureReason",
                table: "account_requests");

            migrationBuilder.CreateIndex(
                name: "ix_account_requests_pending_email_siret",
                table: "account_requests",
                columns: new[] { "Email", "Siret" },
                unique: true,
                filter: "\"Status\" = 'Pending'");
        }
    }
}
