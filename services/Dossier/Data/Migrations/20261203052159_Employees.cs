using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Opco.Dossier.Data.Migrations
{
    /// <inheritdoc />
    public partial class Employees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "employees",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Siret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    Civility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LastName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "fr-FR-x-icu"),
                    FirstName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "fr-FR-x-icu"),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Matricule = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    EntryDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ExitDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Contract = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    WorkingTimePercent = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    JobTitle = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employees", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wage_accesses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Siret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    EmployeeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wage_accesses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hourly_wages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EmployeeId = table.Column<Guid>(type: "uuid", nullable: false),
                    AppliesFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    HourlyGross = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hourly_wages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_hourly_wages_employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_employees_Siret_LastName_FirstName",
                table: "employees",
                columns: new[] { "Siret", "LastName", "FirstName" });

            migrationBuilder.CreateIndex(
                name: "ix_employees_siret_matricule",
                table: "employees",
                columns: new[] { "Siret", "Matricule" },
                unique: true,
                filter: "\"Matricule\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_hourly_wages_employee_applies_from",
                table: "hourly_wages",
                columns: new[] { "EmployeeId", "AppliesFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wage_accesses_EmployeeId_At",
                table: "wage_accesses",
                columns: new[] { "EmployeeId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hourly_wages");

            migrationBuilder.DropTable(
                name: "wage_accesses");

            migrationBuilder.DropTable(
                name: "employees");
        }
    }
}
