DROP MATERIALIZED VIEW bookings.professional_rating_summary;

ALTER TABLE bookings.appointments DROP CONSTRAINT appointments_client_id_fkey;

ALTER TABLE bookings.appointments DROP CONSTRAINT appointments_professional_id_fkey;

ALTER TABLE bookings.appointments DROP CONSTRAINT appointments_schedule_id_fkey;

ALTER TABLE bookings.availability DROP CONSTRAINT availability_professional_id_fkey;

ALTER TABLE bookings.client_notes DROP CONSTRAINT client_notes_client_id_fkey;

ALTER TABLE bookings.client_notes DROP CONSTRAINT client_notes_professional_id_fkey;

ALTER TABLE bookings.follows DROP CONSTRAINT follows_client_id_fkey;

ALTER TABLE bookings.follows DROP CONSTRAINT follows_professional_id_fkey;

ALTER TABLE bookings.messages DROP CONSTRAINT messages_appointment_id_fkey;

ALTER TABLE bookings.messages DROP CONSTRAINT messages_client_id_fkey;

ALTER TABLE bookings.messages DROP CONSTRAINT messages_professional_id_fkey;

ALTER TABLE bookings.notifications DROP CONSTRAINT notifications_client_id_fkey;

ALTER TABLE bookings.notifications DROP CONSTRAINT notifications_professional_id_fkey;

ALTER TABLE bookings.recurring_schedules DROP CONSTRAINT recurring_schedules_client_id_fkey;

ALTER TABLE bookings.recurring_schedules DROP CONSTRAINT recurring_schedules_professional_id_fkey;

ALTER TABLE bookings.reviews DROP CONSTRAINT reviews_appointment_id_fkey;

DROP TABLE bookings.appointments;

DROP TABLE bookings.availability;

DROP TABLE bookings.client_notes;

DROP TABLE bookings.clients;

DROP TABLE bookings.follows;

DROP TABLE bookings.messages;

DROP TABLE bookings.notifications;

DROP TABLE bookings.professionals;

DROP TABLE bookings.recurring_schedules;

DROP TABLE bookings.reviews;

DROP TYPE bookings.sender_type;

DROP TYPE bookings.recipient_type;

DROP TYPE bookings.plan;

DROP TYPE bookings.payment_type;

DROP TYPE bookings.payment_status;

DROP TYPE bookings.message_type;

DROP TYPE bookings.frequency;

DROP TYPE bookings.appointment_status;

DROP EXTENSION btree_gist;

DROP SCHEMA bookings;