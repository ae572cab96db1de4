-- Aftercare schema, revision 3 (PostgreSQL): search keys for finding a client in a keystroke.
--
-- Generated columns of clients, so every writer (the repositories, CSV import, the demo
-- generator, plain SQL) keeps them current and existing rows are filled now; the view
-- client_search shows them under the names the SQLite schema gives them, so the search reads
-- the same on both. Names are folded: ASCII letters
-- lower-cased, the common Latin letters with diacritics replaced by their base letters
-- (ß -> ss, æ -> ae, œ -> oe), hyphens turned into spaces and apostrophes dropped, so
-- "Müller-Lüdenscheidt" is found by "muller lu". The same table is in
-- core/search/searchtext.cpp and in the SQLite migration; tst_clientsearch checks that all
-- three agree. The columns use the "C" collation whatever the database's default, so the
-- range predicates the search uses (key >= prefix AND key < successor of prefix) compare
-- code points and can use the plain b-tree indexes below.

CREATE FUNCTION aftercare_search_fold(value TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
AS $$
    SELECT replace(replace(replace(replace(replace(replace(translate(value, 'ABCDEFGHIJKLMNOPQRSTUVWXYZàáâãäåāăąÀÁÂÃÄÅĀĂĄçćčÇĆČďđĎĐèéêëēėęěÈÉÊËĒĖĘĚğĞìíîïīįıÌÍÎÏĪĮİłľĺŁĽĹñńňÑŃŇòóôõöøōőÒÓÔÕÖØŌŐřŕŘŔśšşșŚŠŞȘťţțŤŢȚùúûüūůűųÙÚÛÜŪŮŰŲýÿÝŸźżžŹŻŽ-''’', 'abcdefghijklmnopqrstuvwxyzaaaaaaaaaaaaaaaaaaccccccddddeeeeeeeeeeeeeeeeggiiiiiiiiiiiiiillllllnnnnnnoooooooooooooooorrrrssssssssttttttuuuuuuuuuuuuuuuuyyyyzzzzzz '), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss')
$$;

-- The national number: without the country code of an international number ('+' or '00'
-- and the code, whose length follows from its first digits as E.164 codes are prefix-free),
-- or without the trunk '0' of a national one. "0171 2345678" and "+49 171 2345678" are then
-- both found by "0171 23".
CREATE FUNCTION aftercare_phone_national(phone TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
AS $$
    SELECT CASE
        WHEN ltrim(phone) LIKE '+%' THEN
            substr(digits, 1 + CASE WHEN substr(digits, 1, 1) IN ('1', '7') THEN 1
                 WHEN substr(digits, 1, 2) IN ('20', '27', '30', '31', '32', '33', '34', '36', '39', '40', '41', '43', '44', '45', '46',
                        '47', '48', '49', '51', '52', '53', '54', '55', '56', '57', '58', '60', '61', '62', '63',
                        '64', '65', '66', '81', '82', '84', '86', '90', '91', '92', '93', '94', '95', '98') THEN 2
                 ELSE 3 END)
        WHEN digits LIKE '00%' THEN
            substr(digits, 3 + CASE WHEN substr(digits, 3, 1) IN ('1', '7') THEN 1
                 WHEN substr(digits, 3, 2) IN ('20', '27', '30', '31', '32', '33', '34', '36', '39', '40', '41', '43', '44', '45', '46',
                        '47', '48', '49', '51', '52', '53', '54', '55', '56', '57', '58', '60', '61', '62', '63',
                        '64', '65', '66', '81', '82', '84', '86', '90', '91', '92', '93', '94', '95', '98') THEN 2
                 ELSE 3 END)
        WHEN digits LIKE '0%' THEN substr(digits, 2)
        ELSE digits
    END
    FROM (SELECT regexp_replace(phone, '[^0-9]', '', 'g') AS digits) AS d
$$;

-- "last first" and "first last", so both orders of a name are a prefix search.
ALTER TABLE clients
    ADD COLUMN search_last_first TEXT COLLATE "C"
        GENERATED ALWAYS AS (aftercare_search_fold(last_name || ' ' || first_name)) STORED,
    ADD COLUMN search_first_last TEXT COLLATE "C"
        GENERATED ALWAYS AS (aftercare_search_fold(first_name || ' ' || last_name)) STORED,
    -- Phone numbers as digits only.
    ADD COLUMN search_phone TEXT COLLATE "C"
        GENERATED ALWAYS AS (regexp_replace(phone, '[^0-9]', '', 'g')) STORED,
    ADD COLUMN search_phone_national TEXT COLLATE "C"
        GENERATED ALWAYS AS (aftercare_phone_national(phone)) STORED,
    -- ASCII lower case, as SQLite's lower() does.
    ADD COLUMN search_email TEXT COLLATE "C"
        GENERATED ALWAYS AS (translate(email, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')) STORED,
    ADD COLUMN search_external TEXT COLLATE "C"
        GENERATED ALWAYS AS (translate(external_id, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')) STORED;

CREATE INDEX clients_search_last_first_idx ON clients (search_last_first);
CREATE INDEX clients_search_first_last_idx ON clients (search_first_last);
CREATE INDEX clients_search_phone_idx ON clients (search_phone);
CREATE INDEX clients_search_phone_national_idx ON clients (search_phone_national);
CREATE INDEX clients_search_email_idx ON clients (search_email);
CREATE INDEX clients_search_external_idx ON clients (search_external);

CREATE VIEW client_search AS
SELECT id AS client_id, search_last_first, search_first_last, search_phone, search_phone_national,
       search_email, search_external
FROM clients;
