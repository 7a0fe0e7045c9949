-- Every prepared statement as PostgreSQL runs it (server/src/db/prepared-sql.unit.test.ts).

-- audit.insertAudit
-- parameters: :at, :actorId, :actorName, :action, :targetType, :targetId, :regionPath, :ip, :requestId, :detail
insert into "audit_log" ("at", "actor_id", "actor_name", "action", "target_type", "target_id", "region_path", "ip", "request_id", "detail") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);

-- audit.insertAuditRows
-- parameters: r1.at, r1.actorId, r1.actorName, r1.action, r1.targetType, r1.targetId, r1.regionPath, r1.ip, r1.requestId, r1.detail, r2.at, r2.actorId, r2.actorName, r2.action, r2.targetType, r2.targetId, r2.regionPath, r2.ip, r2.requestId, r2.detail
insert into "audit_log" ("at", "actor_id", "actor_name", "action", "target_type", "target_id", "region_path", "ip", "request_id", "detail") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10), ($11, $12, $13, $14, $15, $16, $17, $18, $19, $20);

-- passes.insertScan
-- parameters: :at, :date, :checkpointId, :regionPath, :direction, :valid, :reason, :passId, :actorId
insert into "pass_scan" ("at", "date", "checkpoint_id", "region_path", "direction", "valid", "reason", "pass_id", "actor_id") values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning "id";

-- passes.passByToken
-- parameters: :token
select "id", "status", "pass_class", "valid_from", "valid_until", "scope_path", "person_name", "id_number_masked" from "pass" where "token" = $1;

-- registry.entityById
-- parameters: :id
select * from "entity" where "id" = $1;

-- registry.summaryById
-- parameters: :id
select "id", "name", "kind", "uscc", "region_code", "region_path", "sector", "industry", "above_scale", "above_quota", "four_above", "size_class", "small_venue_type", "status", "registered_staff", "risk_level" from "entity" where "id" = $1;

-- reportRollup.upsertRows
-- parameters: r1.reportDate, r1.level, r1.regionPath, r1.kind, r1.sector, r1.industry, r1.aboveScale, r1.aboveQuota, r1.fourAbove, r1.sizeClass, r1.reporting, r1.registeredStaff, r1.staffOnDuty, r1.fromOtherProvinces, r1.capacityWeighted, r1.abnormalTemperature, r1.suspectedCases, r1.abnormalEntities, r2.reportDate, r2.level, r2.regionPath, r2.kind, r2.sector, r2.industry, r2.aboveScale, r2.aboveQuota, r2.fourAbove, r2.sizeClass, r2.reporting, r2.registeredStaff, r2.staffOnDuty, r2.fromOtherProvinces, r2.capacityWeighted, r2.abnormalTemperature, r2.suspectedCases, r2.abnormalEntities
insert into "daily_report_rollup" ("report_date", "level", "region_path", "kind", "sector", "industry", "above_scale", "above_quota", "four_above", "size_class", "reporting", "registered_staff", "staff_on_duty", "from_other_provinces", "capacity_weighted", "abnormal_temperature", "suspected_cases", "abnormal_entities") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18), ($19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36) on conflict ("report_date", "level", "region_path", "kind", "sector", "industry", "above_scale", "above_quota", "four_above", "size_class") do update set "reporting" = "daily_report_rollup"."reporting" + "excluded"."reporting", "registered_staff" = "daily_report_rollup"."registered_staff" + "excluded"."registered_staff", "staff_on_duty" = "daily_report_rollup"."staff_on_duty" + "excluded"."staff_on_duty", "from_other_provinces" = "daily_report_rollup"."from_other_provinces" + "excluded"."from_other_provinces", "capacity_weighted" = "daily_report_rollup"."capacity_weighted" + "excluded"."capacity_weighted", "abnormal_temperature" = "daily_report_rollup"."abnormal_temperature" + "excluded"."abnormal_temperature", "suspected_cases" = "daily_report_rollup"."suspected_cases" + "excluded"."suspected_cases", "abnormal_entities" = "daily_report_rollup"."abnormal_entities" + "excluded"."abnormal_entities";

-- reports.currentReport
-- parameters: :entityId, :reportDate
select "report_date", "region_path", "kind", "sector", "industry", "above_scale", "above_quota", "four_above", "size_class", "registered_staff", "staff_on_duty", "from_other_provinces", "capacity_tenths", "abnormal_temperature", "suspected_cases", "version" from "daily_report" where "entity_id" = $1 and "report_date" = $2;

-- reports.insertReportVersions
-- parameters: r1.reportId, r1.version, r1.data, r1.submittedBy, r1.submittedAt, r2.reportId, r2.version, r2.data, r2.submittedBy, r2.submittedAt
insert into "daily_report_version" ("report_id", "version", "data", "submitted_by", "submitted_at") values ($1, $2, $3, $4, $5), ($6, $7, $8, $9, $10);

-- reports.upsertReport
-- parameters: :entityId, :entityName, :reportDate, :regionPath, :kind, :sector, :industry, :aboveScale, :aboveQuota, :fourAbove, :sizeClass, :registeredStaff, :staffOnDuty, :fromOtherProvinces, :underObservation, :abnormalTemperature, :suspectedCases, :capacityTenths, :supplyDaysLeft, :problems, :submittedBy, :submittedAt, 1, :entityName, :regionPath, :kind, :sector, :industry, :aboveScale, :aboveQuota, :fourAbove, :sizeClass, :registeredStaff, :staffOnDuty, :fromOtherProvinces, :underObservation, :abnormalTemperature, :suspectedCases, :capacityTenths, :supplyDaysLeft, :problems, :submittedBy, :submittedAt
insert into "daily_report" ("entity_id", "entity_name", "report_date", "region_path", "kind", "sector", "industry", "above_scale", "above_quota", "four_above", "size_class", "registered_staff", "staff_on_duty", "from_other_provinces", "under_observation", "abnormal_temperature", "suspected_cases", "capacity_tenths", "supply_days_left", "problems", "submitted_by", "submitted_at", "version") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23) on conflict ("entity_id", "report_date") do update set "entity_name" = $24, "region_path" = $25, "kind" = $26, "sector" = $27, "industry" = $28, "above_scale" = $29, "above_quota" = $30, "four_above" = $31, "size_class" = $32, "registered_staff" = $33, "staff_on_duty" = $34, "from_other_provinces" = $35, "under_observation" = $36, "abnormal_temperature" = $37, "suspected_cases" = $38, "capacity_tenths" = $39, "supply_days_left" = $40, "problems" = $41, "submitted_by" = $42, "submitted_at" = $43, "version" = daily_report.version + 1 returning "id", "version";

-- sessions.grantsOf
-- parameters: :userId
select "role", "region_path", "department", "entity_id", "venue_id" from "user_grant" where "user_id" = $1;

-- sessions.sessionByHash
-- parameters: :hash
select "app_user"."id", "app_user"."username", "app_user"."display_name", "app_user"."locale", "app_user"."disabled", "app_user"."must_change_password", "session"."csrf_token", "session"."expires_at" from "session" inner join "app_user" on "app_user"."id" = "session"."user_id" where "session"."token_hash" = $1;

-- venues.insertBookingRow
-- parameters: :code, :venueId, :day, :slotId, :partySize, :phoneEnc, :phoneHash, :phoneMasked, :channel, :partnerId, :status, :regionPath, :createdAt, :cancelledAt
insert into "venue_booking" ("code", "venue_id", "day", "slot_id", "party_size", "phone_enc", "phone_hash", "phone_masked", "channel", "partner_id", "status", "region_path", "created_at", "cancelled_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) returning "id";

-- venues.insertVisitorRow
-- parameters: :bookingId, :venueId, :day, :nameEnc, :nameMasked, :idType, :idEnc, :idHash, :idMasked, :policyId, :held, :checkinStatus, :admittedAt
insert into "venue_visitor" ("booking_id", "venue_id", "day", "name_enc", "name_masked", "id_type", "id_enc", "id_hash", "id_masked", "policy_id", "held", "checkin_status", "admitted_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning "id";

-- venues.reserveOnCounter
-- parameters: :n, :venueId, :day, :slotId, :n
update "venue_day_counter" set "booked" = "booked" + $1 where "venue_id" = $2 and "day" = $3 and "slot_id" = $4 and "booked" + $5 <= "capacity" returning "venue_id";
