using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Opco.Dossier.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProfessionalisationContracts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "HandlerName",
                table: "dossiers",
                type: "character varying(254)",
                maxLength: 254,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.CreateTable(
                name: "contract_funding_rules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    HourlyForfait = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: false),
                    MaxFundedHours = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: false),
                    TutorAidPerMonth = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: false),
                    TutorAidMonths = table.Column<int>(type: "integer", nullable: false),
                    SmicHourly = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: false),
                    MinWeeklyHours = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contract_funding_rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "contracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    Siret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ContractType = table.Column<int>(type: "integer", nullable: false),
                    AmendsId = table.Column<Guid>(type: "uuid", nullable: true),
                    AmendsNumber = table.Column<long>(type: "bigint", nullable: true),
                    PreviousCommitment = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    HandlerName = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    TraineeEmployeeId = table.Column<Guid>(type: "uuid", nullable: true),
                    TraineeName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    TraineeBirthDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Public = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    TutorEmployeeId = table.Column<Guid>(type: "uuid", nullable: true),
                    TutorName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    TutorExperienceYears = table.Column<int>(type: "integer", nullable: true),
                    TutorAidRequested = table.Column<bool>(type: "boolean", nullable: true),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    WeeklyHours = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    Job = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    QualificationKind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    QualificationCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    TrainingProviderId = table.Column<Guid>(type: "uuid", nullable: true),
                    TrainingStartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    TrainingEndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    TrainingHours = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    MonthlyGrossPay = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    TransmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TransmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SilentAcceptance = table.Column<bool>(type: "boolean", nullable: false),
                    CommittedAmount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    RefusalReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CommitmentFailure = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TerminatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TerminationReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contracts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "contract_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    UploadedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contract_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contract_documents_contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contract_history",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ById = table.Column<Guid>(type: "uuid", nullable: true),
                    ByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    From = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    To = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contract_history", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contract_history_contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contract_document_contents",
                columns: table => new
                {
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contract_document_contents", x => x.DocumentId);
                    table.ForeignKey(
                        name: "FK_contract_document_contents_contract_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "contract_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "contract_funding_rules",
                columns: new[] { "Id", "HourlyForfait", "MaxFundedHours", "MinWeeklyHours", "SmicHourly", "TutorAidMonths", "TutorAidPerMonth" },
                values: new object[] { 1, 9.15m, 1200m, 24m, 11.88m, 6, 230m });

            migrationBuilder.CreateIndex(
                name: "IX_contract_documents_ContractId",
                table: "contract_documents",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_contract_history_ContractId",
                table: "contract_history",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_contracts_AmendsId",
                table: "contracts",
                column: "AmendsId");

            migrationBuilder.CreateIndex(
                name: "IX_contracts_Number",
                table: "contracts",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contracts_Siret_CreatedAt_Number",
                table: "contracts",
                columns: new[] { "Siret", "CreatedAt", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_contracts_Status_DecisionDueOn",
                table: "contracts",
                columns: new[] { "Status", "DecisionDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_contracts_TutorEmployeeId",
                table: "contracts",
                column: "TutorEmployeeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contract_document_contents");

            migrationBuilder.DropTable(
                name: "contract_funding_rules");

            migrationBuilder.DropTable(
                name: "contract_history");

            migrationBuilder.DropTable(
                name: "contract_documents");

            migrationBuilder.DropTable(
                name: "contracts");

            migrationBuilder.AlterColumn<string>(
                name: "HandlerName",
                table: "dossiers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(254)",
                oldMaxLength: 254);
        }
    }
}
