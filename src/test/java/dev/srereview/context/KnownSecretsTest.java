package dev.srereview.context;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A value the scan redacted is redacted again when it is typed into the chat, however it is wrapped. */
class KnownSecretsTest {
    private static final String REPO_FILE = "DATABASE_URL = \"postgresql://svc:Sup3rS3cretPw!x@db.internal:5432/app\"\n";

    @Test
    void aRepositorySecretTypedIntoTheChatIsRedacted() {
        Redactor redactor = new Redactor();
        assertThat(redactor.redactText("is Sup3rS3cretPw!x ok?")).as("no detector knows it yet")
                .contains("Sup3rS3cretPw!x");

        assertThat(redactor.redact("app/config.py", REPO_FILE).text()).doesNotContain("Sup3rS3cretPw!x");

        assertThat(redactor.redactText("is Sup3rS3cretPw!x ok?")).isEqualTo("is " + KnownSecrets.LABEL + " ok?");
        assertThat(redactor.redactText("rotate `Sup3rS3cretPw!x`, then \"Sup3rS3cretPw!x\".")).doesNotContain("Sup3rS3cretPw")
                .contains("`" + KnownSecrets.LABEL + "`");
        assertThat(redactor.redactText("Sup3rS3cretPw!x")).isEqualTo(KnownSecrets.LABEL);
    }

    @Test
    void onlyTheWholeValueCountsAndOtherTextIsUntouched() {
        Redactor redactor = new Redactor();
        redactor.redact("app/config.py", REPO_FILE);

        String text = "Sup3rS3cretPw is only part of it, and Sup3rS3cretPw!xy is another word; the host is db.internal";
        assertThat(redactor.redactText(text)).isEqualTo(text);
    }

    @Test
    void shortValuesAreNotRemembered() {
        KnownSecrets known = new KnownSecrets();
        known.remember("admin");
        assertThat(known.isEmpty()).isTrue();
        assertThat(known.scrub("log in as admin")).isEqualTo("log in as admin");
    }
}
