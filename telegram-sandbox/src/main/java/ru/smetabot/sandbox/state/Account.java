package ru.smetabot.sandbox.state;

/** A Telegram account: a person (positive id) or a bot (has a token). Phone and password are for MTProto sign-in. */
public record Account(long id, boolean bot, String firstName, String lastName, String username,
                      String languageCode, String token, String phone, String password) {

    public String displayName() {
        return lastName == null || lastName.isBlank() ? firstName : firstName + " " + lastName;
    }
}
