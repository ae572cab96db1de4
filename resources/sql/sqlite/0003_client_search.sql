-- Aftercare schema, revision 3 (SQLite): search keys for finding a client in a keystroke.
--
-- Names are folded into two keys, "last first" and "first last", so both orders of a name are
-- a prefix search: ASCII letters lower-cased, the common Latin letters with diacritics replaced
-- by their base letters (ß -> ss, æ -> ae, œ -> oe), hyphens turned into spaces and
-- apostrophes dropped, so "Müller-Lüdenscheidt" is found by "muller lu". The same table is in
-- core/search/searchtext.cpp and in the PostgreSQL migration; tst_clientsearch checks that all
-- three agree.
--
-- SQLite's lower() changes ASCII letters only, which is why accented capitals are listed too,
-- and its parser refuses a single expression of ~170 nested replace() calls, so the triggers
-- fold in steps of 16 characters (the steps are skipped for names that are plain ASCII).
-- Triggers rather than application code, so every writer (the repositories, CSV import, the
-- demo generator, plain SQL) keeps the keys current. Phone, e-mail and id keys are short
-- expressions and so are generated columns.
--
-- The search compares the keys with range predicates (key >= prefix AND key < successor of
-- prefix), which use the indexes below under SQLite's BINARY collation.

ALTER TABLE clients ADD COLUMN search_last_first TEXT;
ALTER TABLE clients ADD COLUMN search_first_last TEXT;
-- Phone numbers as digits only (a stored '+' and any separators dropped).
ALTER TABLE clients ADD COLUMN search_phone TEXT GENERATED ALWAYS AS (
    replace(replace(replace(replace(replace(replace(replace(phone, '+', ''), ' ', ''), '-', ''), '.', ''), '/', ''), '(', ''), ')', '')
) VIRTUAL;
-- The national number: without the country code of an international number ('+' or '00'
-- and the code, whose length follows from its first digits as E.164 codes are prefix-free),
-- or without the trunk '0' of a national one. "0171 2345678" and "+49 171 2345678" are then
-- both found by "0171 23".
ALTER TABLE clients ADD COLUMN search_phone_national TEXT GENERATED ALWAYS AS (
    CASE
        WHEN ltrim(phone) LIKE '+%' THEN
            substr(search_phone, 1 + CASE WHEN substr(search_phone, 1, 1) IN ('1', '7') THEN 1
                 WHEN substr(search_phone, 1, 2) IN ('20', '27', '30', '31', '32', '33', '34', '36', '39', '40', '41', '43', '44', '45', '46',
                        '47', '48', '49', '51', '52', '53', '54', '55', '56', '57', '58', '60', '61', '62', '63',
                        '64', '65', '66', '81', '82', '84', '86', '90', '91', '92', '93', '94', '95', '98') THEN 2
                 ELSE 3 END)
        WHEN search_phone LIKE '00%' THEN
            substr(search_phone, 3 + CASE WHEN substr(search_phone, 3, 1) IN ('1', '7') THEN 1
                 WHEN substr(search_phone, 3, 2) IN ('20', '27', '30', '31', '32', '33', '34', '36', '39', '40', '41', '43', '44', '45', '46',
                        '47', '48', '49', '51', '52', '53', '54', '55', '56', '57', '58', '60', '61', '62', '63',
                        '64', '65', '66', '81', '82', '84', '86', '90', '91', '92', '93', '94', '95', '98') THEN 2
                 ELSE 3 END)
        WHEN search_phone LIKE '0%' THEN substr(search_phone, 2)
        ELSE search_phone
    END
) VIRTUAL;
ALTER TABLE clients ADD COLUMN search_email TEXT GENERATED ALWAYS AS (lower(email)) VIRTUAL;
ALTER TABLE clients ADD COLUMN search_external TEXT GENERATED ALWAYS AS (lower(external_id)) VIRTUAL;

CREATE TRIGGER clients_search_keys_insert AFTER INSERT ON clients
BEGIN
    UPDATE clients SET
        search_last_first = replace(replace(lower(last_name || ' ' || first_name), '-', ' '), '''', ''),
        search_first_last = replace(replace(lower(first_name || ' ' || last_name), '-', ' '), '''', '')
    WHERE id = NEW.id;
    UPDATE clients SET
        search_last_first = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_last_first, 'à', 'a'), 'á', 'a'), 'â', 'a'), 'ã', 'a'), 'ä', 'a'), 'å', 'a'), 'ā', 'a'), 'ă', 'a'), 'ą', 'a'), 'À', 'a'), 'Á', 'a'), 'Â', 'a'), 'Ã', 'a'), 'Ä', 'a'), 'Å', 'a'), 'Ā', 'a'),
        search_first_last = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_first_last, 'à', 'a'), 'á', 'a'), 'â', 'a'), 'ã', 'a'), 'ä', 'a'), 'å', 'a'), 'ā', 'a'), 'ă', 'a'), 'ą', 'a'), 'À', 'a'), 'Á', 'a'), 'Â', 'a'), 'Ã', 'a'), 'Ä', 'a'), 'Å', 'a'), 'Ā', 'a')
    WHERE id = NEW.id AND search_last_first GLOB '*[^ -~]*';
    UPDATE clients SET
        search_last_first = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_last_first, 'Ă', 'a'), 'Ą', 'a'), 'ç', 'c'), 'ć', 'c'), 'č', 'c'), 'Ç', 'c'), 'Ć', 'c'), 'Č', 'c'), 'ď', 'd'), 'đ', 'd'), 'Ď', 'd'), 'Đ', 'd'), 'è', 'e'), 'é', 'e'), 'ê', 'e'), 'ë', 'e'),
        search_first_last = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_first_last, 'Ă', 'a'), 'Ą', 'a'), 'ç', 'c'), 'ć', 'c'), 'č', 'c'), 'Ç', 'c'), 'Ć', 'c'), 'Č', 'c'), 'ď', 'd'), 'đ', 'd'), 'Ď', 'd'), 'Đ', 'd'), 'è', 'e'), 'é', 'e'), 'ê', 'e'), 'ë', 'e')
    WHERE id = NEW.id AND search_last_first GLOB '*[^ -~]*';
    UPDATE clients SET
        search_last_first = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_last_first, 'ē', 'e'), 'ė', 'e'), 'ę', 'e'), 'ě', 'e'), 'È', 'e'), 'É', 'e'), 'Ê', 'e'), 'Ë', 'e'), 'Ē', 'e'), 'Ė', 'e'), 'Ę', 'e'), 'Ě', 'e'), 'ğ', 'g'), 'Ğ', 'g'), 'ì', 'i'), 'í', 'i'),
        search_first_last = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_first_last, 'ē', 'e'), 'ė', 'e'), 'ę', 'e'), 'ě', 'e'), 'È', 'e'), 'É', 'e'), 'Ê', 'e'), 'Ë', 'e'), 'Ē', 'e'), 'Ė', 'e'), 'Ę', 'e'), 'Ě', 'e'), 'ğ', 'g'), 'Ğ', 'g'), 'ì', 'i'), 'í', 'i')
    WHERE id = NEW.id AND search_last_first GLOB '*[^ -~]*';
    UPDATE clients SET
        search_last_first = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_last_first, 'î', 'i'), 'ï', 'i'), 'ī', 'i'), 'į', 'i'), 'ı', 'i'), 'Ì', 'i'), 'Í', 'i'), 'Î', 'i'), 'Ï', 'i'), 'Ī', 'i'), 'Į', 'i'), 'İ', 'i'), 'ł', 'l'), 'ľ', 'l'), 'ĺ', 'l'), 'Ł', 'l'),
        search_first_last = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_first_last, 'î', 'i'), 'ï', 'i'), 'ī', 'i'), 'į', 'i'), 'ı', 'i'), 'Ì', 'i'), 'Í', 'i'), 'Î', 'i'), 'Ï', 'i'), 'Ī', 'i'), 'Į', 'i'), 'İ', 'i'), 'ł', 'l'), 'ľ', 'l'), 'ĺ', 'l'), 'Ł', 'l')
    WHERE id = NEW.id AND search_last_first GLOB '*[^ -~]*';
    UPDATE clients SET
        search_last_first = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_last_first, 'Ľ', 'l'), 'Ĺ', 'l'), 'ñ', 'n'), 'ń', 'n'), 'ň', 'n'), 'Ñ', 'n'), 'Ń', 'n'), 'Ň', 'n'), 'ò', 'o'), 'ó', 'o'), 'ô', 'o'), 'õ', 'o'), 'ö', 'o'), 'ø', 'o'), 'ō', 'o'), 'ő', 'o'),
        search_first_last = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_first_last, 'Ľ', 'l'), 'Ĺ', 'l'), 'ñ', 'n'), 'ń', 'n'), 'ň', 'n'), 'Ñ', 'n'), 'Ń', 'n'), 'Ň', 'n'), 'ò', 'o'), 'ó', 'o'), 'ô', 'o'), 'õ', 'o'), 'ö', 'o'), 'ø', 'o'), 'ō', 'o'), 'ő', 'o')
    WHERE id = NEW.id AND search_last_first GLOB '*[^ -~]*';
    UPDATE clients SET
        search_last_first = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_last_first, 'Ò', 'o'), 'Ó', 'o'), 'Ô', 'o'), 'Õ', 'o'), 'Ö', 'o'), 'Ø', 'o'), 'Ō', 'o'), 'Ő', 'o'), 'ř', 'r'), 'ŕ', 'r'), 'Ř', 'r'), 'Ŕ', 'r'), 'ś', 's'), 'š', 's'), 'ş', 's'), 'ș', 's'),
        search_first_last = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_first_last, 'Ò', 'o'), 'Ó', 'o'), 'Ô', 'o'), 'Õ', 'o'), 'Ö', 'o'), 'Ø', 'o'), 'Ō', 'o'), 'Ő', 'o'), 'ř', 'r'), 'ŕ', 'r'), 'Ř', 'r'), 'Ŕ', 'r'), 'ś', 's'), 'š', 's'), 'ş', 's'), 'ș', 's')
    WHERE id = NEW.id AND search_last_first GLOB '*[^ -~]*';
    UPDATE clients SET
        search_last_first = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_last_first, 'Ś', 's'), 'Š', 's'), 'Ş', 's'), 'Ș', 's'), 'ť', 't'), 'ţ', 't'), 'ț', 't'), 'Ť', 't'), 'Ţ', 't'), 'Ț', 't'), 'ù', 'u'), 'ú', 'u'), 'û', 'u'), 'ü', 'u'), 'ū', 'u'), 'ů', 'u'),
        search_first_last = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_first_last, 'Ś', 's'), 'Š', 's'), 'Ş', 's'), 'Ș', 's'), 'ť', 't'), 'ţ', 't'), 'ț', 't'), 'Ť', 't'), 'Ţ', 't'), 'Ț', 't'), 'ù', 'u'), 'ú', 'u'), 'û', 'u'), 'ü', 'u'), 'ū', 'u'), 'ů', 'u')
    WHERE id = NEW.id AND search_last_first GLOB '*[^ -~]*';
    UPDATE clients SET
        search_last_first = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_last_first, 'ű', 'u'), 'ų', 'u'), 'Ù', 'u'), 'Ú', 'u'), 'Û', 'u'), 'Ü', 'u'), 'Ū', 'u'), 'Ů', 'u'), 'Ű', 'u'), 'Ų', 'u'), 'ý', 'y'), 'ÿ', 'y'), 'Ý', 'y'), 'Ÿ', 'y'), 'ź', 'z'), 'ż', 'z'),
        search_first_last = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_first_last, 'ű', 'u'), 'ų', 'u'), 'Ù', 'u'), 'Ú', 'u'), 'Û', 'u'), 'Ü', 'u'), 'Ū', 'u'), 'Ů', 'u'), 'Ű', 'u'), 'Ų', 'u'), 'ý', 'y'), 'ÿ', 'y'), 'Ý', 'y'), 'Ÿ', 'y'), 'ź', 'z'), 'ż', 'z')
    WHERE id = NEW.id AND search_last_first GLOB '*[^ -~]*';
    UPDATE clients SET
        search_last_first = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_last_first, 'ž', 'z'), 'Ź', 'z'), 'Ż', 'z'), 'Ž', 'z'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), '’', ''),
        search_first_last = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_first_last, 'ž', 'z'), 'Ź', 'z'), 'Ż', 'z'), 'Ž', 'z'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), '’', '')
    WHERE id = NEW.id AND search_last_first GLOB '*[^ -~]*';
END;

CREATE TRIGGER clients_search_keys_update AFTER UPDATE OF first_name, last_name ON clients
BEGIN
    UPDATE clients SET
        search_last_first = replace(replace(lower(last_name || ' ' || first_name), '-', ' '), '''', ''),
        search_first_last = replace(replace(lower(first_name || ' ' || last_name), '-', ' '), '''', '')
    WHERE id = NEW.id;
    UPDATE clients SET
        search_last_first = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_last_first, 'à', 'a'), 'á', 'a'), 'â', 'a'), 'ã', 'a'), 'ä', 'a'), 'å', 'a'), 'ā', 'a'), 'ă', 'a'), 'ą', 'a'), 'À', 'a'), 'Á', 'a'), 'Â', 'a'), 'Ã', 'a'), 'Ä', 'a'), 'Å', 'a'), 'Ā', 'a'),
        search_first_last = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_first_last, 'à', 'a'), 'á', 'a'), 'â', 'a'), 'ã', 'a'), 'ä', 'a'), 'å', 'a'), 'ā', 'a'), 'ă', 'a'), 'ą', 'a'), 'À', 'a'), 'Á', 'a'), 'Â', 'a'), 'Ã', 'a'), 'Ä', 'a'), 'Å', 'a'), 'Ā', 'a')
    WHERE id = NEW.id AND search_last_first GLOB '*[^ -~]*';
    UPDATE clients SET
        search_last_first = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_last_first, 'Ă', 'a'), 'Ą', 'a'), 'ç', 'c'), 'ć', 'c'), 'č', 'c'), 'Ç', 'c'), 'Ć', 'c'), 'Č', 'c'), 'ď', 'd'), 'đ', 'd'), 'Ď', 'd'), 'Đ', 'd'), 'è', 'e'), 'é', 'e'), 'ê', 'e'), 'ë', 'e'),
        search_first_last = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_first_last, 'Ă', 'a'), 'Ą', 'a'), 'ç', 'c'), 'ć', 'c'), 'č', 'c'), 'Ç', 'c'), 'Ć', 'c'), 'Č', 'c'), 'ď', 'd'), 'đ', 'd'), 'Ď', 'd'), 'Đ', 'd'), 'è', 'e'), 'é', 'e'), 'ê', 'e'), 'ë', 'e')
    WHERE id = NEW.id AND search_last_first GLOB '*[^ -~]*';
    UPDATE clients SET
        search_last_first = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_last_first, 'ē', 'e'), 'ė', 'e'), 'ę', 'e'), 'ě', 'e'), 'È', 'e'), 'É', 'e'), 'Ê', 'e'), 'Ë', 'e'), 'Ē', 'e'), 'Ė', 'e'), 'Ę', 'e'), 'Ě', 'e'), 'ğ', 'g'), 'Ğ', 'g'), 'ì', 'i'), 'í', 'i'),
        search_first_last = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_first_last, 'ē', 'e'), 'ė', 'e'), 'ę', 'e'), 'ě', 'e'), 'È', 'e'), 'É', 'e'), 'Ê', 'e'), 'Ë', 'e'), 'Ē', 'e'), 'Ė', 'e'), 'Ę', 'e'), 'Ě', 'e'), 'ğ', 'g'), 'Ğ', 'g'), 'ì', 'i'), 'í', 'i')
    WHERE id = NEW.id AND search_last_first GLOB '*[^ -~]*';
    UPDATE clients SET
        search_last_first = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_last_first, 'î', 'i'), 'ï', 'i'), 'ī', 'i'), 'į', 'i'), 'ı', 'i'), 'Ì', 'i'), 'Í', 'i'), 'Î', 'i'), 'Ï', 'i'), 'Ī', 'i'), 'Į', 'i'), 'İ', 'i'), 'ł', 'l'), 'ľ', 'l'), 'ĺ', 'l'), 'Ł', 'l'),
        search_first_last = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_first_last, 'î', 'i'), 'ï', 'i'), 'ī', 'i'), 'į', 'i'), 'ı', 'i'), 'Ì', 'i'), 'Í', 'i'), 'Î', 'i'), 'Ï', 'i'), 'Ī', 'i'), 'Į', 'i'), 'İ', 'i'), 'ł', 'l'), 'ľ', 'l'), 'ĺ', 'l'), 'Ł', 'l')
    WHERE id = NEW.id AND search_last_first GLOB '*[^ -~]*';
    UPDATE clients SET
        search_last_first = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_last_first, 'Ľ', 'l'), 'Ĺ', 'l'), 'ñ', 'n'), 'ń', 'n'), 'ň', 'n'), 'Ñ', 'n'), 'Ń', 'n'), 'Ň', 'n'), 'ò', 'o'), 'ó', 'o'), 'ô', 'o'), 'õ', 'o'), 'ö', 'o'), 'ø', 'o'), 'ō', 'o'), 'ő', 'o'),
        search_first_last = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_first_last, 'Ľ', 'l'), 'Ĺ', 'l'), 'ñ', 'n'), 'ń', 'n'), 'ň', 'n'), 'Ñ', 'n'), 'Ń', 'n'), 'Ň', 'n'), 'ò', 'o'), 'ó', 'o'), 'ô', 'o'), 'õ', 'o'), 'ö', 'o'), 'ø', 'o'), 'ō', 'o'), 'ő', 'o')
    WHERE id = NEW.id AND search_last_first GLOB '*[^ -~]*';
    UPDATE clients SET
        search_last_first = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_last_first, 'Ò', 'o'), 'Ó', 'o'), 'Ô', 'o'), 'Õ', 'o'), 'Ö', 'o'), 'Ø', 'o'), 'Ō', 'o'), 'Ő', 'o'), 'ř', 'r'), 'ŕ', 'r'), 'Ř', 'r'), 'Ŕ', 'r'), 'ś', 's'), 'š', 's'), 'ş', 's'), 'ș', 's'),
        search_first_last = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_first_last, 'Ò', 'o'), 'Ó', 'o'), 'Ô', 'o'), 'Õ', 'o'), 'Ö', 'o'), 'Ø', 'o'), 'Ō', 'o'), 'Ő', 'o'), 'ř', 'r'), 'ŕ', 'r'), 'Ř', 'r'), 'Ŕ', 'r'), 'ś', 's'), 'š', 's'), 'ş', 's'), 'ș', 's')
    WHERE id = NEW.id AND search_last_first GLOB '*[^ -~]*';
    UPDATE clients SET
        search_last_first = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_last_first, 'Ś', 's'), 'Š', 's'), 'Ş', 's'), 'Ș', 's'), 'ť', 't'), 'ţ', 't'), 'ț', 't'), 'Ť', 't'), 'Ţ', 't'), 'Ț', 't'), 'ù', 'u'), 'ú', 'u'), 'û', 'u'), 'ü', 'u'), 'ū', 'u'), 'ů', 'u'),
        search_first_last = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_first_last, 'Ś', 's'), 'Š', 's'), 'Ş', 's'), 'Ș', 's'), 'ť', 't'), 'ţ', 't'), 'ț', 't'), 'Ť', 't'), 'Ţ', 't'), 'Ț', 't'), 'ù', 'u'), 'ú', 'u'), 'û', 'u'), 'ü', 'u'), 'ū', 'u'), 'ů', 'u')
    WHERE id = NEW.id AND search_last_first GLOB '*[^ -~]*';
    UPDATE clients SET
        search_last_first = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_last_first, 'ű', 'u'), 'ų', 'u'), 'Ù', 'u'), 'Ú', 'u'), 'Û', 'u'), 'Ü', 'u'), 'Ū', 'u'), 'Ů', 'u'), 'Ű', 'u'), 'Ų', 'u'), 'ý', 'y'), 'ÿ', 'y'), 'Ý', 'y'), 'Ÿ', 'y'), 'ź', 'z'), 'ż', 'z'),
        search_first_last = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_first_last, 'ű', 'u'), 'ų', 'u'), 'Ù', 'u'), 'Ú', 'u'), 'Û', 'u'), 'Ü', 'u'), 'Ū', 'u'), 'Ů', 'u'), 'Ű', 'u'), 'Ų', 'u'), 'ý', 'y'), 'ÿ', 'y'), 'Ý', 'y'), 'Ÿ', 'y'), 'ź', 'z'), 'ż', 'z')
    WHERE id = NEW.id AND search_last_first GLOB '*[^ -~]*';
    UPDATE clients SET
        search_last_first = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_last_first, 'ž', 'z'), 'Ź', 'z'), 'Ż', 'z'), 'Ž', 'z'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), '’', ''),
        search_first_last = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_first_last, 'ž', 'z'), 'Ź', 'z'), 'Ż', 'z'), 'Ž', 'z'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), '’', '')
    WHERE id = NEW.id AND search_last_first GLOB '*[^ -~]*';
END;

-- Fills the keys of the clients already there (fires clients_search_keys_update).
UPDATE clients SET last_name = last_name;

CREATE INDEX clients_search_last_first_idx ON clients (search_last_first);
CREATE INDEX clients_search_first_last_idx ON clients (search_first_last);
CREATE INDEX clients_search_phone_idx ON clients (search_phone);
CREATE INDEX clients_search_phone_national_idx ON clients (search_phone_national);
CREATE INDEX clients_search_email_idx ON clients (search_email);
CREATE INDEX clients_search_external_idx ON clients (search_external);
