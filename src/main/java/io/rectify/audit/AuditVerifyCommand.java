package io.rectify.audit;

import java.io.PrintStream;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar rectify.jar --rectify.audit.verify}: verifies the audit chain, prints the
 * result, and ends with 0 when it is intact and 1 when it is broken. It runs without the web
 * server and without the job executor, so it can run beside the nodes that serve.
 */
@Component
@ConditionalOnProperty(name = AuditVerifyCommand.PROPERTY)
public class AuditVerifyCommand implements ApplicationRunner, ExitCodeGenerator {

    public static final String PROPERTY = "rectify.audit.verify";
    static final String ACTOR = "command-line";

    private final AuditVerifier verifier;
    private final PrintStream out;
    private int exitCode = 2;

    @Autowired
    AuditVerifyCommand(AuditVerifier verifier) {
        this(verifier, System.out);
    }

    AuditVerifyCommand(AuditVerifier verifier, PrintStream out) {
        this.verifier = verifier;
        this.out = out;
    }

    @Override
    public void run(ApplicationArguments args) {
        AuditVerification result = verifier.verify(ACTOR);
        out.println("audit record " + result.summary());
        exitCode = result.intact() ? 0 : 1;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
