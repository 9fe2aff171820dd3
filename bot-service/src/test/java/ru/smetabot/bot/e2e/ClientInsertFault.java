package ru.smetabot.bot.e2e;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database fault for chosen Telegram users: every insert of a client row for them fails (a trigger raising
 * an error), as a constraint, a bad value or a dropped connection would after Telegram has already acted.
 * Other users are not touched, so test classes sharing the embedded database keep working.
 */
final class ClientInsertFault {

    private final JdbcClient jdbc;

    ClientInsertFault(JdbcClient jdbc) {
        this.jdbc = jdbc;
        jdbc.sql("CREATE TABLE IF NOT EXISTS public.test_client_insert_faults (tg_user_id BIGINT PRIMARY KEY)").update();
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION public.test_fail_client_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM public.test_client_insert_faults f WHERE f.tg_user_id = NEW.tg_user_id) THEN
                        RAISE EXCEPTION 'injected fault: client insert of user % fails', NEW.tg_user_id;
                    END IF;
                    RETURN NEW;
                END $$""").update();
        jdbc.sql("DROP TRIGGER IF EXISTS test_fail_client_insert ON core.clients").update();
        jdbc.sql("""
                CREATE TRIGGER test_fail_client_insert BEFORE INSERT ON core.clients
                FOR EACH ROW EXECUTE FUNCTION public.test_fail_client_insert()""").update();
    }

    void failFor(long tgUserId) {
        jdbc.sql("INSERT INTO public.test_client_insert_faults VALUES (:u) ON CONFLICT DO NOTHING").param("u", tgUserId).update();
    }

    void heal(long tgUserId) {
        jdbc.sql("DELETE FROM public.test_client_insert_faults WHERE tg_user_id = :u").param("u", tgUserId).update();
    }
}
