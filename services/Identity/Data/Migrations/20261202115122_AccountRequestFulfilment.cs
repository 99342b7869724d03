using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Opco.Identity.Data.Migrations
{
    /// <inheritdoc />
    public partial class AccountRequestFulfilment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fulfilled_account_requests",
                columns: table => new
                {
                    AccountRequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    FulfilledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fulfilled_account_requests", x => x.AccountRequestId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fulfilled_account_requests");
        }
    }
}
