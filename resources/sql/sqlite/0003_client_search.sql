-- Aftercare schema, revision 3 (SQLite): search keys for finding a client in a keystroke.
--
-- client_search holds, per client, the keys the client finder compares with range predicates
-- (key >= prefix AND key < successor of prefix), each with its own index:
--   search_last_first, search_first_last  the name in both orders, folded: ASCII letters
--       lower-cased, the common Latin letters with diacritics replaced by their base letters
--       (ß -> ss, æ -> ae, œ -> oe), hyphens as spaces, apostrophes dropped, so
--       "Müller-Lüdenscheidt" is found by "muller lu";
--   search_phone           the phone number's digits;
--   search_phone_national  the national number: an international number ('+' or '00') without
--       its country code (E.164 codes are prefix-free, so the first digits give its length),
--       a national one without its trunk '0', so "0171 23" finds "+49 171 23...";
--   search_email, search_external  ASCII lower case.
-- The same fold is in core/search/searchtext.cpp and in the PostgreSQL migration (where the
-- keys are generated columns of clients, behind a view of this name); tst_clientsearch checks
-- that all three agree.
--
-- Triggers on clients copy what the keys are made of, so every writer (the repositories, CSV
-- import, the demo generator, plain SQL) keeps them current. SQLite has no translate(), its
-- lower() changes only ASCII letters, and its parser refuses ~170 nested replace() calls in one
-- expression, so a name with other letters is folded in steps of 20 letters in name_work (a
-- step runs only when the name holds one of its letters), and name_folded, from which the
-- indexed keys derive, is set once at the end. A name in plain ASCII needs lower() alone.

CREATE TABLE client_search (
    client_id   INTEGER PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
    name_work   TEXT NOT NULL, -- last TAB first, on its way to being folded
    name_folded TEXT,          -- the same, folded; NULL while the steps run
    phone       TEXT,
    email       TEXT,
    external_id TEXT NOT NULL,
    search_last_first TEXT GENERATED ALWAYS AS (replace(name_folded, char(9), ' ')) VIRTUAL,
    search_first_last TEXT GENERATED ALWAYS AS (
        substr(name_folded, instr(name_folded, char(9)) + 1) || ' '
        || substr(name_folded, 1, instr(name_folded, char(9)) - 1)) VIRTUAL,
    search_phone TEXT GENERATED ALWAYS AS (
        replace(replace(replace(replace(replace(replace(replace(phone, '+', ''), ' ', ''), '-', ''), '.', ''), '/', ''), '(', ''), ')', '')
    ) VIRTUAL,
    search_phone_national TEXT GENERATED ALWAYS AS (
        CASE
            WHEN ltrim(phone) LIKE '+%' THEN
                substr(search_phone, 1 + CASE WHEN substr(search_phone, 1, 1) IN ('1', '7') THEN 1
                 WHEN instr(' 20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98 ',
                            ' ' || substr(search_phone, 1, 2) || ' ') > 0 THEN 2
                 ELSE 3 END)
            WHEN search_phone LIKE '00%' THEN
                substr(search_phone, 3 + CASE WHEN substr(search_phone, 3, 1) IN ('1', '7') THEN 1
                 WHEN instr(' 20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98 ',
                            ' ' || substr(search_phone, 3, 2) || ' ') > 0 THEN 2
                 ELSE 3 END)
            WHEN search_phone LIKE '0%' THEN substr(search_phone, 2)
            ELSE search_phone
        END
    ) VIRTUAL,
    search_email TEXT GENERATED ALWAYS AS (lower(email)) VIRTUAL,
    search_external TEXT GENERATED ALWAYS AS (lower(external_id)) VIRTUAL
);
CREATE INDEX client_search_last_first_idx ON client_search (search_last_first);
CREATE INDEX client_search_first_last_idx ON client_search (search_first_last);
CREATE INDEX client_search_phone_idx ON client_search (search_phone);
CREATE INDEX client_search_phone_national_idx ON client_search (search_phone_national);
CREATE INDEX client_search_email_idx ON client_search (search_email);
CREATE INDEX client_search_external_idx ON client_search (search_external);

CREATE TRIGGER client_search_fold AFTER INSERT ON client_search
WHEN NEW.name_folded IS NULL
BEGIN
    UPDATE client_search SET name_work = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(name_work, 'à', 'a'), 'á', 'a'), 'â', 'a'), 'ã', 'a'), 'ä', 'a'), 'å', 'a'), 'ā', 'a'), 'ă', 'a'), 'ą', 'a'), 'À', 'a'), 'Á', 'a'), 'Â', 'a'), 'Ã', 'a'), 'Ä', 'a'), 'Å', 'a'), 'Ā', 'a'), 'Ă', 'a'), 'Ą', 'a'), 'ç', 'c'), 'ć', 'c')
    WHERE client_id = NEW.client_id AND name_work GLOB '*[àáâãäåāăąÀÁÂÃÄÅĀĂĄçć]*';
    UPDATE client_search SET name_work = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(name_work, 'č', 'c'), 'Ç', 'c'), 'Ć', 'c'), 'Č', 'c'), 'ď', 'd'), 'đ', 'd'), 'Ď', 'd'), 'Đ', 'd'), 'è', 'e'), 'é', 'e'), 'ê', 'e'), 'ë', 'e'), 'ē', 'e'), 'ė', 'e'), 'ę', 'e'), 'ě', 'e'), 'È', 'e'), 'É', 'e'), 'Ê', 'e'), 'Ë', 'e')
    WHERE client_id = NEW.client_id AND name_work GLOB '*[čÇĆČďđĎĐèéêëēėęěÈÉÊË]*';
    UPDATE client_search SET name_work = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(name_work, 'Ē', 'e'), 'Ė', 'e'), 'Ę', 'e'), 'Ě', 'e'), 'ğ', 'g'), 'Ğ', 'g'), 'ì', 'i'), 'í', 'i'), 'î', 'i'), 'ï', 'i'), 'ī', 'i'), 'į', 'i'), 'ı', 'i'), 'Ì', 'i'), 'Í', 'i'), 'Î', 'i'), 'Ï', 'i'), 'Ī', 'i'), 'Į', 'i'), 'İ', 'i')
    WHERE client_id = NEW.client_id AND name_work GLOB '*[ĒĖĘĚğĞìíîïīįıÌÍÎÏĪĮİ]*';
    UPDATE client_search SET name_work = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(name_work, 'ł', 'l'), 'ľ', 'l'), 'ĺ', 'l'), 'Ł', 'l'), 'Ľ', 'l'), 'Ĺ', 'l'), 'ñ', 'n'), 'ń', 'n'), 'ň', 'n'), 'Ñ', 'n'), 'Ń', 'n'), 'Ň', 'n'), 'ò', 'o'), 'ó', 'o'), 'ô', 'o'), 'õ', 'o'), 'ö', 'o'), 'ø', 'o'), 'ō', 'o'), 'ő', 'o')
    WHERE client_id = NEW.client_id AND name_work GLOB '*[łľĺŁĽĹñńňÑŃŇòóôõöøōő]*';
    UPDATE client_search SET name_work = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(name_work, 'Ò', 'o'), 'Ó', 'o'), 'Ô', 'o'), 'Õ', 'o'), 'Ö', 'o'), 'Ø', 'o'), 'Ō', 'o'), 'Ő', 'o'), 'ř', 'r'), 'ŕ', 'r'), 'Ř', 'r'), 'Ŕ', 'r'), 'ś', 's'), 'š', 's'), 'ş', 's'), 'ș', 's'), 'Ś', 's'), 'Š', 's'), 'Ş', 's'), 'Ș', 's')
    WHERE client_id = NEW.client_id AND name_work GLOB '*[ÒÓÔÕÖØŌŐřŕŘŔśšşșŚŠŞȘ]*';
    UPDATE client_search SET name_work = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(name_work, 'ť', 't'), 'ţ', 't'), 'ț', 't'), 'Ť', 't'), 'Ţ', 't'), 'Ț', 't'), 'ù', 'u'), 'ú', 'u'), 'û', 'u'), 'ü', 'u'), 'ū', 'u'), 'ů', 'u'), 'ű', 'u'), 'ų', 'u'), 'Ù', 'u'), 'Ú', 'u'), 'Û', 'u'), 'Ü', 'u'), 'Ū', 'u'), 'Ů', 'u')
    WHERE client_id = NEW.client_id AND name_work GLOB '*[ťţțŤŢȚùúûüūůűųÙÚÛÜŪŮ]*';
    UPDATE client_search SET name_work = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(name_work, 'Ű', 'u'), 'Ų', 'u'), 'ý', 'y'), 'ÿ', 'y'), 'Ý', 'y'), 'Ÿ', 'y'), 'ź', 'z'), 'ż', 'z'), 'ž', 'z'), 'Ź', 'z'), 'Ż', 'z'), 'Ž', 'z'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), '’', '')
    WHERE client_id = NEW.client_id AND name_work GLOB '*[ŰŲýÿÝŸźżžŹŻŽæÆœŒßẞ’]*';
    UPDATE client_search SET name_folded = name_work WHERE client_id = NEW.client_id;
END;

CREATE TRIGGER client_search_insert AFTER INSERT ON clients
BEGIN
    INSERT INTO client_search (client_id, name_work, name_folded, phone, email, external_id)
    SELECT NEW.id, parts, CASE WHEN parts GLOB '*[^' || char(9) || ' -~]*' THEN NULL ELSE parts END,
           NEW.phone, NEW.email, NEW.external_id
    FROM (SELECT replace(replace(lower(NEW.last_name || char(9) || NEW.first_name), '-', ' '), '''', '') AS parts);
END;

CREATE TRIGGER client_search_update AFTER UPDATE OF first_name, last_name, phone, email, external_id ON clients
BEGIN
    DELETE FROM client_search WHERE client_id = NEW.id;
    INSERT INTO client_search (client_id, name_work, name_folded, phone, email, external_id)
    SELECT NEW.id, parts, CASE WHEN parts GLOB '*[^' || char(9) || ' -~]*' THEN NULL ELSE parts END,
           NEW.phone, NEW.email, NEW.external_id
    FROM (SELECT replace(replace(lower(NEW.last_name || char(9) || NEW.first_name), '-', ' '), '''', '') AS parts);
END;

-- The clients already there.
INSERT INTO client_search (client_id, name_work, name_folded, phone, email, external_id)
SELECT id, parts, CASE WHEN parts GLOB '*[^' || char(9) || ' -~]*' THEN NULL ELSE parts END, phone, email, external_id
FROM (SELECT id, replace(replace(lower(last_name || char(9) || first_name), '-', ' '), '''', '') AS parts, phone, email, external_id FROM clients);
