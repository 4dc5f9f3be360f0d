package io.rectify;

import io.rectify.audit.AuditVerifyCommand;
import io.rectify.system.security.InstallCommand;
import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Rectify (整改督办): cases against government websites, from detection to sanction. */
@SpringBootApplication
@EnableProcessApplication("rectify")
@ConfigurationPropertiesScan
public class RectifyApplication {

    public static void main(String[] args) {
        if (AuditVerifyCommand.requested(args)) {
            // a command, not a server: verify the audit chain and end with its exit code
            System.exit(SpringApplication.exit(
                    SpringApplication.run(RectifyApplication.class, AuditVerifyCommand.arguments(args))));
        }
        if (InstallCommand.requested(args)) {
            // a command: install a new database (regions, the three administrators) and end
            System.exit(SpringApplication.exit(
                    SpringApplication.run(RectifyApplication.class, InstallCommand.arguments(args))));
        }
        SpringApplication.run(RectifyApplication.class, args);
    }
}
