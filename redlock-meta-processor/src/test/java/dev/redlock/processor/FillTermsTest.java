package dev.redlock.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.redlock.api.spi.ResourceDeclaration;

/** The expression a generated factory fills its template with; the grammar itself is tested in redlock-api. */
final class FillTermsTest {

    @Test
    void template_isFilledLiteralByLiteral_checkingEachArgument() {
        ResourceDeclaration t = ResourceDeclaration.parse("{tenant}:course-{courseId}").parsed();
        assertThat(MetamodelSource.fillTerms(t)).containsExactly(
                "ResourceArguments.check(\"{tenant}:course-{courseId}\", \"tenant\", tenant)", "\":course-\"",
                "ResourceArguments.check(\"{tenant}:course-{courseId}\", \"courseId\", courseId)");
    }
}
