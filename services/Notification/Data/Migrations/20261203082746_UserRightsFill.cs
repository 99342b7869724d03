using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Opco.Notification.Data.Migrations
{
    /// <inheritdoc />
    public partial class UserRightsFill : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "copy_fills",
                columns: table => new
                {
                    copy_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_copy_fills", x => x.copy_name);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "copy_fills");
        }
    }
}
