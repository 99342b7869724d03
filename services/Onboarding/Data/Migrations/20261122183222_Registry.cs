using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Opco.Onboarding.Data.Migrations
{
    /// <inheritdoc />
    public partial class Registry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AlterColumn<string>(
                name: "Siret",
                table: "account_requests",
                type: "character varying(14)",
                maxLength: 14,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character(14)",
                oldFixedLength: true,
                oldMaxLength: 14);

            migrationBuilder.AddColumn<string>(
                name: "Civility",
                table: "account_requests",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DecidedAt",
                table: "account_requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DecidedBy",
                table: "account_requests",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Form",
                table: "account_requests",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Defi");

            migrationBuilder.AddColumn<string>(
                name: "JobTitle",
                table: "account_requests",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "account_requests",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Opening");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastRemindedAt",
                table: "account_requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Phone",
                table: "account_requests",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RefusalReason",
                table: "account_requests",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RoleCode",
                table: "account_requests",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "account_request_history",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    AccountRequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ByName = table.Column<string>(type: "character varying(201)", maxLength: 201, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_request_history", x => x.Id);
                    table.ForeignKey(
                        name: "FK_account_request_history_account_requests_AccountRequestId",
                        column: x => x.AccountRequestId,
                        principalTable: "account_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "companies",
                columns: table => new
                {
                    Siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SearchName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Headcount = table.Column<int>(type: "integer", nullable: true),
                    ServiceOffer = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    AdvisorEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_companies", x => x.Siren);
                });

            migrationBuilder.CreateTable(
                name: "known_accounts",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    is_advisor = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_known_accounts", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "registration_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Siret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PostalCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RequesterEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    RequesterLastName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RequesterFirstName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registration_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "establishments",
                columns: table => new
                {
                    Siret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    Siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PostalCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsHeadOffice = table.Column<bool>(type: "boolean", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_establishments", x => x.Siret);
                    table.ForeignKey(
                        name: "FK_establishments_companies_Siren",
                        column: x => x.Siren,
                        principalTable: "companies",
                        principalColumn: "Siren",
                        onDelete: ReferentialAction.Cascade);
                });

            // Requests stored before the rule: only the latest pending one per e-mail and establishment stays pending.
            migrationBuilder.Sql("""
                UPDATE account_requests r SET "Status" = 'Refused', "RefusalReason" = 'Demande en double.'
                WHERE "Status" = 'Pending' AND EXISTS (SELECT 1 FROM account_requests n WHERE n."Status" = 'Pending'
                  AND n."Email" = r."Email" AND n."Siret" = r."Siret" AND n."SubmittedAt" > r."SubmittedAt");
                """);

            migrationBuilder.CreateIndex(
                name: "ix_account_requests_pending_email_siret",
                table: "account_requests",
                columns: new[] { "Email", "Siret" },
                unique: true,
                filter: "\"Status\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_account_requests_SubmittedAt",
                table: "account_requests",
                column: "SubmittedAt",
                filter: "\"Status\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_account_request_history_AccountRequestId",
                table: "account_request_history",
                column: "AccountRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_companies_AdvisorEmail",
                table: "companies",
                column: "AdvisorEmail");

            migrationBuilder.CreateIndex(
                name: "ix_companies_search_name_prefix",
                table: "companies",
                column: "SearchName")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_companies_search_name_trgm",
                table: "companies",
                column: "SearchName")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_companies_siren_prefix",
                table: "companies",
                column: "Siren")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_establishments_Siren",
                table: "establishments",
                column: "Siren");

            migrationBuilder.CreateIndex(
                name: "ix_known_accounts_email",
                table: "known_accounts",
                column: "email");

            migrationBuilder.CreateIndex(
                name: "ix_registration_requests_pending_siret",
                table: "registration_requests",
                column: "Siret",
                unique: true,
                filter: "\"Status\" = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account_request_history");

            migrationBuilder.DropTable(
                name: "establishments");

            migrationBuilder.DropTable(
                name: "known_accounts");

            migrationBuilder.DropTable(
                name: "registration_requests");

            migrationBuilder.DropTable(
                name: "companies");

            migrationBuilder.DropIndex(
                name: "ix_account_requests_pending_email_siret",
                table: "account_requests");

            migrationBuilder.DropIndex(
                name: "IX_account_requests_SubmittedAt",
                table: "account_requests");

            migrationBuilder.DropColumn(
                name: "Civility",
                table: "account_requests");

            migrationBuilder.DropColumn(
                name: "DecidedAt",
                table: "account_requests");

            migrationBuilder.DropColumn(
                name: "DecidedBy",
                table: "account_requests");

            migrationBuilder.DropColumn(
                name: "Form",
                table: "account_requests");

            migrationBuilder.DropColumn(
                name: "JobTitle",
                table: "account_requests");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "account_requests");

            migrationBuilder.DropColumn(
                name: "LastRemindedAt",
                table: "account_requests");

            migrationBuilder.DropColumn(
                name: "Phone",
                table: "account_requests");

            migrationBuilder.DropColumn(
                name: "RefusalReason",
                table: "account_requests");

            migrationBuilder.DropColumn(
                name: "RoleCode",
                table: "account_requests");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AlterColumn<string>(
                name: "Siret",
                table: "account_requests",
                type: "character(14)",
                fixedLength: true,
                maxLength: 14,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(14)",
                oldMaxLength: 14);
        }
    }
}
