package io.nextorm.spring.boot.autoconfigure;

import io.nextorm.MappingException;
import io.nextorm.spring.boot.autoconfigure.broken.Note;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class MappingFailureAnalyzerTest {

    private final MappingFailureAnalyzer analyzer = new MappingFailureAnalyzer();

    @Test
    void describesTheMappingFailureInsideABeanCreationFailure() {
        MappingException cause = new MappingException("com.example.Note has no primary key: annotate one field with @PrimaryKey");
        FailureAnalysis analysis = analyzer.analyze(new BeanCreationException("asyncDatabase", "failed", cause));

        assertThat(analysis.getDescription()).isEqualTo("nextorm could not map the entities: "
                + "com.example.Note has no primary key: annotate one field with @PrimaryKey");
        assertThat(analysis.getAction()).contains("nextorm.entity-packages").doesNotContain("validate-relations");
        assertThat(analysis.getCause()).isSameAs(cause);
    }

    @Test
    void leavesOtherFailuresToOtherAnalyzers() {
        assertThat(analyzer.analyze(new IllegalStateException("not about mapping"))).isNull();
    }

    @Test
    void isRegisteredWithSpringBoot(CapturedOutput output) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(BrokenApplication.class)
                .web(WebApplicationType.NONE)
                .properties("nextorm.entity-packages=" + Note.class.getPackageName());

        assertThatThrownBy(application::run).hasRootCauseInstanceOf(MappingException.class);
        assertThat(output).contains("nextorm could not map the entities: " + Note.class.getName() + " has no primary key")
                .contains("@PrimaryKey");
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @ImportAutoConfiguration({R2dbcAutoConfiguration.class, NextOrmAutoConfiguration.class})
    static class BrokenApplication {
    }
}
