CREATE SCHEMA bookings;

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TYPE bookings.appointment_status AS ENUM ('scheduled', 'confirmed', 'completed', 'cancelled', 'no_show');

CREATE TYPE bookings.frequency AS ENUM ('weekly', 'biweekly', 'monthly');

CREATE TYPE bookings.message_type AS ENUM ('text', 'image', 'file', 'booking_request');

CREATE TYPE bookings.payment_status AS ENUM ('pending', 'paid', 'refunded', 'failed');

CREATE TYPE bookings.payment_type AS ENUM ('card', 'cash', 'bank_transfer', 'voucher');

CREATE TYPE bookings.plan AS ENUM ('free', 'pro', 'business');

CREATE TYPE bookings.recipient_type AS ENUM ('professional', 'client');

CREATE TYPE bookings.sender_type AS ENUM ('professional', 'client', 'system');

CREATE TABLE bookings.appointments (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  professional_id uuid NOT NULL,
  client_id uuid NOT NULL,
  schedule_id uuid,
  during tstzrange NOT NULL,
  status bookings.appointment_status DEFAULT 'scheduled'::bookings.appointment_status NOT NULL,
  payment_status bookings.payment_status DEFAULT 'pending'::bookings.payment_status NOT NULL,
  payment_type bookings.payment_type,
  price numeric(10,2) NOT NULL,
  notes text,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT appointments_pkey PRIMARY KEY (id),
  CONSTRAINT appointments_during_bounded CHECK (NOT isempty(during) AND NOT lower_inf(during) AND NOT upper_inf(during)),
  CONSTRAINT appointments_price_check CHECK (price >= 0),
  CONSTRAINT appointments_no_double_booking EXCLUDE USING gist (professional_id WITH =, during WITH &&) WHERE (status <> 'cancelled'::bookings.appointment_status)
);

CREATE TABLE bookings.availability (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  professional_id uuid NOT NULL,
  weekday smallint NOT NULL,
  start_time time without time zone NOT NULL,
  end_time time without time zone NOT NULL,
  CONSTRAINT availability_pkey PRIMARY KEY (id),
  CONSTRAINT availability_slot_key UNIQUE (professional_id, weekday, start_time),
  CONSTRAINT availability_end_after_start CHECK (end_time > start_time),
  CONSTRAINT availability_weekday_check CHECK (weekday BETWEEN 1 AND 7),
  CONSTRAINT availability_no_overlap EXCLUDE USING gist (professional_id WITH =, weekday WITH =, (tsrange('2000-01-01'::date + start_time, '2000-01-01'::date + end_time)) WITH &&)
);

CREATE TABLE bookings.client_notes (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  professional_id uuid NOT NULL,
  client_id uuid NOT NULL,
  body text NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT client_notes_pkey PRIMARY KEY (id)
);

CREATE TABLE bookings.clients (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  name text NOT NULL,
  email character varying(255) NOT NULL,
  phone character varying(32),
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT clients_pkey PRIMARY KEY (id)
);

CREATE TABLE bookings.follows (
  client_id uuid NOT NULL,
  professional_id uuid NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT follows_pkey PRIMARY KEY (client_id, professional_id)
);

CREATE TABLE bookings.messages (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  professional_id uuid NOT NULL,
  client_id uuid NOT NULL,
  parent_id uuid,
  appointment_id uuid,
  sender_type bookings.sender_type NOT NULL,
  message_type bookings.message_type DEFAULT 'text'::bookings.message_type NOT NULL,
  body text NOT NULL,
  sent_at timestamp with time zone DEFAULT now() NOT NULL,
  read_at timestamp with time zone,
  CONSTRAINT messages_pkey PRIMARY KEY (id)
);

CREATE TABLE bookings.notifications (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  recipient_type bookings.recipient_type NOT NULL,
  professional_id uuid,
  client_id uuid,
  title text NOT NULL,
  body text DEFAULT ''::text NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  read_at timestamp with time zone,
  CONSTRAINT notifications_pkey PRIMARY KEY (id),
  CONSTRAINT notifications_one_recipient CHECK ((recipient_type = 'professional'::bookings.recipient_type AND professional_id IS NOT NULL AND client_id IS NULL) OR (recipient_type = 'client'::bookings.recipient_type AND client_id IS NOT NULL AND professional_id IS NULL))
);

CREATE TABLE bookings.professionals (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  name text NOT NULL,
  email character varying(255) NOT NULL,
  bio text DEFAULT ''::text NOT NULL,
  plan bookings.plan DEFAULT 'free'::bookings.plan NOT NULL,
  timezone text DEFAULT 'UTC'::text NOT NULL,
  hourly_rate numeric(10,2),
  active boolean DEFAULT true NOT NULL,
  tags text[] DEFAULT '{}'::text[] NOT NULL,
  metadata jsonb DEFAULT '{}'::jsonb NOT NULL,
  search tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, name), 'A') || setweight(to_tsvector('english'::regconfig, bio), 'B')) STORED,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT professionals_pkey PRIMARY KEY (id),
  CONSTRAINT professionals_hourly_rate_check CHECK (hourly_rate >= 0)
);

CREATE TABLE bookings.recurring_schedules (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  professional_id uuid NOT NULL,
  client_id uuid NOT NULL,
  frequency bookings.frequency NOT NULL,
  weekday smallint NOT NULL,
  start_time time without time zone NOT NULL,
  duration_minutes smallint NOT NULL,
  starts_on date NOT NULL,
  ends_on date,
  CONSTRAINT recurring_schedules_pkey PRIMARY KEY (id),
  CONSTRAINT recurring_schedules_duration_minutes_check CHECK (duration_minutes BETWEEN 5 AND 720),
  CONSTRAINT recurring_schedules_ends_after_start CHECK (ends_on IS NULL OR ends_on >= starts_on),
  CONSTRAINT recurring_schedules_weekday_check CHECK (weekday BETWEEN 1 AND 7)
);

CREATE TABLE bookings.reviews (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  appointment_id uuid NOT NULL,
  rating smallint NOT NULL,
  comment text,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT reviews_pkey PRIMARY KEY (id),
  CONSTRAINT reviews_appointment_id_key UNIQUE (appointment_id),
  CONSTRAINT reviews_rating_check CHECK (rating BETWEEN 1 AND 5)
);

ALTER TABLE bookings.appointments ADD CONSTRAINT appointments_client_id_fkey FOREIGN KEY (client_id) REFERENCES bookings.clients (id) ON DELETE RESTRICT;

ALTER TABLE bookings.appointments ADD CONSTRAINT appointments_professional_id_fkey FOREIGN KEY (professional_id) REFERENCES bookings.professionals (id) ON DELETE CASCADE;

ALTER TABLE bookings.appointments ADD CONSTRAINT appointments_schedule_id_fkey FOREIGN KEY (schedule_id) REFERENCES bookings.recurring_schedules (id) ON DELETE SET NULL;

ALTER TABLE bookings.availability ADD CONSTRAINT availability_professional_id_fkey FOREIGN KEY (professional_id) REFERENCES bookings.professionals (id) ON DELETE CASCADE;

ALTER TABLE bookings.client_notes ADD CONSTRAINT client_notes_client_id_fkey FOREIGN KEY (client_id) REFERENCES bookings.clients (id) ON DELETE CASCADE;

ALTER TABLE bookings.client_notes ADD CONSTRAINT client_notes_professional_id_fkey FOREIGN KEY (professional_id) REFERENCES bookings.professionals (id) ON DELETE CASCADE;

ALTER TABLE bookings.follows ADD CONSTRAINT follows_client_id_fkey FOREIGN KEY (client_id) REFERENCES bookings.clients (id) ON DELETE CASCADE;

ALTER TABLE bookings.follows ADD CONSTRAINT follows_professional_id_fkey FOREIGN KEY (professional_id) REFERENCES bookings.professionals (id) ON DELETE CASCADE;

ALTER TABLE bookings.messages ADD CONSTRAINT messages_appointment_id_fkey FOREIGN KEY (appointment_id) REFERENCES bookings.appointments (id) ON DELETE SET NULL;

ALTER TABLE bookings.messages ADD CONSTRAINT messages_client_id_fkey FOREIGN KEY (client_id) REFERENCES bookings.clients (id) ON DELETE CASCADE;

ALTER TABLE bookings.messages ADD CONSTRAINT messages_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES bookings.messages (id) ON DELETE CASCADE;

ALTER TABLE bookings.messages ADD CONSTRAINT messages_professional_id_fkey FOREIGN KEY (professional_id) REFERENCES bookings.professionals (id) ON DELETE CASCADE;

ALTER TABLE bookings.notifications ADD CONSTRAINT notifications_client_id_fkey FOREIGN KEY (client_id) REFERENCES bookings.clients (id) ON DELETE CASCADE;

ALTER TABLE bookings.notifications ADD CONSTRAINT notifications_professional_id_fkey FOREIGN KEY (professional_id) REFERENCES bookings.professionals (id) ON DELETE CASCADE;

ALTER TABLE bookings.recurring_schedules ADD CONSTRAINT recurring_schedules_client_id_fkey FOREIGN KEY (client_id) REFERENCES bookings.clients (id) ON DELETE CASCADE;

ALTER TABLE bookings.recurring_schedules ADD CONSTRAINT recurring_schedules_professional_id_fkey FOREIGN KEY (professional_id) REFERENCES bookings.professionals (id) ON DELETE CASCADE;

ALTER TABLE bookings.reviews ADD CONSTRAINT reviews_appointment_id_fkey FOREIGN KEY (appointment_id) REFERENCES bookings.appointments (id) ON DELETE CASCADE;

CREATE INDEX appointments_client_id_idx ON bookings.appointments USING btree (client_id) INCLUDE (professional_id, during, status);

CREATE INDEX appointments_professional_id_during_idx ON bookings.appointments USING btree (professional_id, during);

CREATE INDEX appointments_schedule_id_idx ON bookings.appointments USING btree (schedule_id) WHERE (schedule_id IS NOT NULL);

CREATE INDEX client_notes_client_id_idx ON bookings.client_notes USING btree (client_id);

CREATE INDEX client_notes_professional_client_idx ON bookings.client_notes USING btree (professional_id, client_id);

CREATE UNIQUE INDEX clients_email_key ON bookings.clients USING btree ((lower((email)::text)));

CREATE INDEX follows_professional_id_idx ON bookings.follows USING btree (professional_id);

CREATE INDEX messages_appointment_id_idx ON bookings.messages USING btree (appointment_id) WHERE (appointment_id IS NOT NULL);

CREATE INDEX messages_client_id_idx ON bookings.messages USING btree (client_id);

CREATE INDEX messages_conversation_idx ON bookings.messages USING btree (professional_id, client_id, sent_at DESC);

CREATE INDEX messages_parent_id_idx ON bookings.messages USING btree (parent_id) WHERE (parent_id IS NOT NULL);

CREATE INDEX notifications_client_id_idx ON bookings.notifications USING btree (client_id) WHERE (client_id IS NOT NULL);

CREATE INDEX notifications_professional_id_idx ON bookings.notifications USING btree (professional_id) WHERE (professional_id IS NOT NULL);

CREATE INDEX professionals_active_plan_idx ON bookings.professionals USING btree (plan, name) WHERE (active);

CREATE UNIQUE INDEX professionals_email_key ON bookings.professionals USING btree ((lower((email)::text)));

CREATE INDEX professionals_metadata_idx ON bookings.professionals USING gin (metadata jsonb_path_ops);

CREATE INDEX professionals_search_idx ON bookings.professionals USING gin (search);

CREATE INDEX professionals_tags_idx ON bookings.professionals USING gin (tags);

CREATE INDEX recurring_schedules_client_id_idx ON bookings.recurring_schedules USING btree (client_id);

CREATE INDEX recurring_schedules_professional_id_idx ON bookings.recurring_schedules USING btree (professional_id);

CREATE MATERIALIZED VIEW bookings.professional_rating_summary AS
SELECT a.professional_id, round(avg(r.rating), 2) AS avg_rating, count(*) AS review_count FROM bookings.reviews r JOIN bookings.appointments a ON a.id = r.appointment_id GROUP BY a.professional_id
WITH DATA;

CREATE UNIQUE INDEX professional_rating_summary_professional_id_key ON bookings.professional_rating_summary USING btree (professional_id);

COMMENT ON MATERIALIZED VIEW bookings.professional_rating_summary IS 'average rating and review count per professional; refresh with Bookings.refreshRatingSummary';