-- W21: :n in-house customers (psql -v n=1000000) with the match keys the service keeps for them
-- (customer_match_key, partner scope ''), for the duplicate report. Names come from small arrays of British, German
-- and French given and family names, name_key as the service writes it (lower case, given then family name). 85 %
-- have a birthday (spread over the 60 years 1946-2005), 75 % a mobile phone (E.164, of their country: GB, DE or FR)
-- and 30 % a postal address; everyone has an email address. Most customers are one person each; three sets are a
-- second record of another customer (customer n - k, its "person"), with the person's birthday and address and a
-- name that is the same or nearly (a dropped last letter, two letters swapped, the initial only):
--   2 % (n % 50 = 1) share the person's phone number, with an email address of their own;
--   1 % (n % 100 = 37) share the person's Gmail address, written with a +tag and without the dots (the email match
--     key; customer_email still holds distinct addresses);
--   0.5 % (n % 200 = 113) share neither: only the name with the birthday or postal code tells them apart.
-- The birthday and postal blocking keys otherwise arise from the data: customers born on the same day, or living in
-- the same postal code, whose names start with the same letter, which the report compares by trigram similarity.
\set ON_ERROR_STOP on
begin;
create temporary table w21_person as
select g as n, person, person <> g as duplicate,
       case when person <> g then abs(hashint4(g + 1000000000)::bigint) else 0 end as r
from generate_series(1, :n) g
cross join lateral (select case when g % 50 = 1 and g > 25 then g - 25
                                when g % 100 = 37 then g - 10
                                when g % 200 = 113 then g - 40
                                else g end as person) p;
-- Each person's name, birthday, country, phone and address, from hashes of its number; a duplicate's name varies
-- with r: the same (r % 4 = 0), the given name without its last letter (1), the family name's second and third
-- letters swapped (2), the given name's initial (3). Only the first two stay 0.6 alike by trigrams.
create temporary table w21 as
select w.n, w.person, w.duplicate, w.r,
       case w.r % 4 when 1 then left(p.given, -1) when 3 then left(p.given, 1) || '.' else p.given end as given,
       case when w.r % 4 = 2
            then left(p.family, 1) || substr(p.family, 3, 1) || substr(p.family, 2, 1) || substr(p.family, 4)
            else p.family end as family,
       p.given as person_given, p.family as person_family, p.birthday, p.country, p.phone, p.postal, p.city, p.line1
from w21_person w
cross join lateral (
    select abs(hashint4(w.person)::bigint) as h1, abs(hashint4(-w.person)::bigint) as h2,
           abs(hashint8(w.person)::bigint) as h3, abs(hashint8(-cast(w.person as bigint))::bigint) as h4) h
cross join lateral (
    select case when h.h2 / 6400 % 20 < 8 then 'GB' when h.h2 / 6400 % 20 < 15 then 'DE' else 'FR' end as country) k
cross join lateral (
    select (array['James', 'Oliver', 'Jack', 'Harry', 'George', 'Noah', 'Charlie', 'Thomas', 'William', 'Daniel',
                  'Lukas', 'Leon', 'Felix', 'Jonas', 'Paul', 'Maximilian', 'Hugo', 'Louis', 'Gabriel', 'Arthur',
                  'Mohammed', 'David', 'Michael', 'Peter', 'Olivia', 'Amelia', 'Isla', 'Ava', 'Emily', 'Sophie',
                  'Grace', 'Mia', 'Emma', 'Hannah', 'Lena', 'Anna', 'Marie', 'Laura', 'Julia', 'Chloe', 'Camille',
                  'Louise', 'Alice', 'Sarah', 'Jessica', 'Charlotte', 'Lucy', 'Ella'])[1 + h.h1 % 48] as given,
           (array['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson',
                  'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson',
                  'Clarke', 'Patel', 'Khan', 'Lewis', 'Harris', 'Mueller', 'Schmidt', 'Schneider', 'Fischer',
                  'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf',
                  'Neumann', 'Schwarz', 'Martin', 'Bernard', 'Dubois', 'Durand', 'Robert', 'Richard', 'Petit',
                  'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'Bertrand', 'Roux',
                  'Vincent', 'Fournier', 'Morel', 'Girard', 'Andre', 'Mercier', 'Dupont', 'Lambert'])[1 + h.h2 % 64]
             as family,
           case when h.h2 / 64 % 100 < 85 then date '1946-01-01' + cast(h.h3 % 21915 as int) end as birthday,
           k.country,
           -- the people a phone duplicate copies (person % 50 = 26) always have a number
           case when h.h4 % 4 <> 0 or w.person % 50 = 26
                then case k.country when 'GB' then '+4474' when 'DE' then '+49151' else '+336' end
                     || lpad(cast(w.person as text), 8, '0') end as phone,
           case when h.h3 / 21915 % 10 < 3 then
             case k.country
               when 'GB' then (array['SW1A', 'EC1A', 'W1D', 'N1', 'E14', 'SE1', 'M1', 'M4', 'B1', 'B15', 'LS1', 'L1',
                                     'G1', 'EH1', 'CF10', 'BS1', 'NE1', 'OX1', 'CB2', 'BT1'])[1 + h.h4 / 4 % 20]
                              || ' ' || h.h4 / 80 % 10 || chr(65 + cast(h.h4 / 800 % 10 as int))
                              || chr(65 + cast(h.h4 / 8000 % 10 as int))
               when 'DE' then lpad(cast(1067 + h.h4 / 4 % 8000 * 12 as text), 5, '0')
               else lpad(cast((1 + h.h4 / 4 % 95) * 1000 + h.h4 / 380 % 20 * 10 as text), 5, '0') end
           end as postal,
           (case k.country when 'GB' then array['London', 'Manchester', 'Birmingham', 'Leeds']
                           when 'DE' then array['Berlin', 'Hamburg', 'Muenchen', 'Koeln']
                           else array['Paris', 'Lyon', 'Marseille', 'Toulouse'] end)[1 + h.h1 / 48 % 4] as city,
           1 + h.h1 / 192 % 180 || ' '
             || (case k.country when 'GB' then array['High Street', 'Station Road', 'Church Lane', 'Victoria Road']
                                when 'DE' then array['Hauptstrasse', 'Schulstrasse', 'Bahnhofstrasse', 'Gartenweg']
                                else array['rue de la Paix', 'avenue Victor Hugo', 'rue Pasteur', 'boulevard Voltaire']
                 end)[1 + h.h4 / 160000 % 4] as line1
) p;
-- The contact points of each record: a phone duplicate has the person's number; the other duplicates half the time
-- a number of their own (another range, so never someone else's); an email duplicate the person's Gmail address in
-- another form; everyone else an address of their own (a Gmail one for the people an email duplicate copies).
create temporary table w21_customer as
select w.n, gen_random_uuid() as id, w.given, w.family, lower(w.given || ' ' || w.family) as name_key, w.birthday,
       w.country, w.postal, w.city, w.line1,
       case when not w.duplicate or w.n % 50 = 1 then w.phone
            when w.r / 4 % 2 = 0 then case w.country when 'GB' then '+4477' when 'DE' then '+49160' else '+337' end
                                  || lpad(cast(w.n as text), 8, '0') end as phone,
       case when w.n % 100 = 37
            then lower(w.person_given || w.person_family) || w.person || '+shop@gmail.com'
            else lower(w.person_given || '.' || w.person_family) || w.n || '@'
                 || case when w.n % 100 = 27 then 'gmail.com'
                         else (case w.country
                                 when 'GB' then array['gmail.com', 'outlook.com', 'yahoo.co.uk', 'icloud.com']
                                 when 'DE' then array['gmail.com', 'web.de', 'gmx.de', 't-online.de']
                                 else array['gmail.com', 'orange.fr', 'free.fr', 'laposte.net']
                               end)[1 + abs(hashint4(-w.n - 1000000000)::bigint) % 4]
                    end end as email
from w21 w;
insert into customer (id, given_name, family_name, contacts, primary_email, primary_phone, birthday, locale,
                      time_zone, tags, search_text, created_at, updated_at, name_key)
select id, given, family,
       jsonb_build_object(
         'emails', jsonb_build_array(jsonb_build_object('address', email, 'primary', true)),
         'phones', case when phone is null then '[]'::jsonb
                        else jsonb_build_array(jsonb_build_object('number', phone, 'primary', true, 'type', 'mobile',
                                                                  'valid', true)) end,
         'addresses', case when postal is null then '[]'::jsonb
                           else jsonb_build_array(jsonb_build_object('label', 'home', 'line1', line1, 'city', city,
                                                                     'postalCode', postal, 'country', country)) end),
       email, phone, birthday,
       case country when 'GB' then 'en-GB' when 'DE' then 'de-DE' else 'fr-FR' end,
       case country when 'GB' then 'Europe/London' when 'DE' then 'Europe/Berlin' else 'Europe/Paris' end,
       array['w21'],
       lower(given || ' ' || family || ' ' || email || coalesce(' ' || substr(phone, 2), '')),
       now() - make_interval(secs => 4 * 365 * 86400.0 * (:n - n + 0.5) / :n),
       now() - make_interval(secs => 4 * 365 * 86400.0 * (:n - n + 0.5) / :n),
       name_key
from w21_customer;
insert into customer_email (partner_scope, email, customer_id)
select '', email, id from w21_customer;
-- The keys as CustomerMatching makes them: the email with the Gmail rule (no dots or +tag), the E.164 phone, and the
-- blocking keys birthday:<date>:<initial> and postal:<COUNTRY>:<POSTCODE without spaces>:<initial>.
insert into customer_match_key (customer_id, kind, key, partner_scope)
select id, 'email',
       case when email ~ '@(gmail|googlemail)\.com$'
            then replace(split_part(split_part(email, '@', 1), '+', 1), '.', '') || '@gmail.com'
            else email end, ''
from w21_customer
union all
select id, 'phone', phone, '' from w21_customer where phone is not null
union all
select id, 'birthday', birthday::text || ':' || left(name_key, 1), '' from w21_customer where birthday is not null
union all
select id, 'postal', upper(country) || ':' || upper(regexp_replace(postal, '\s', '', 'g')) || ':' || left(name_key, 1),
       ''
from w21_customer where postal is not null;
commit;
-- What autovacuum would do after so many inserts (it is off on the PostgreSQL servers of these machines): the
-- statistics, and the visibility map the report's index-only scans of the keys need.
vacuum analyze customer;
vacuum analyze customer_email;
vacuum analyze customer_match_key;
