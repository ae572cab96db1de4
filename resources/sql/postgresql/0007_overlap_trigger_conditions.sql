-- Revision 7 rewrites SQLite's overlap triggers (their WHEN clause cost a temporary table per
-- row written). PostgreSQL keeps overlapping bookings out with the exclusion constraint
-- appointments_no_overlap instead: nothing to change here.
SELECT 1;
