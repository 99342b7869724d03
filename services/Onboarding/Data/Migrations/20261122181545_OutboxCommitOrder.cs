using Microsoft.EntityFrameworkCore.Migrations;
using Opco.Messaging.Outbox;

#nullable disable

namespace Opco.Onboarding.Data.Migrations
{
    /// <inheritdoc />
    public partial class OutboxCommitOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateOutboxCommitOrder();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropOutboxCommitOrder();
        }
    }
}
