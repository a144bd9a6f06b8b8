package io.nextorm;

import io.nextorm.spi.DialectProvider;
import io.nextorm.spi.StatementInfo;
import io.nextorm.spi.StatementListener;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiSurfaceTest {

    private static List<String> internalTypesIn(Class<?> type) {
        List<String> leaks = new ArrayList<>();
        for (Method method : type.getMethods()) {
            if (!Modifier.isPublic(method.getModifiers())) {
                continue;
            }
            List<Type> used = new ArrayList<>(List.of(method.getGenericParameterTypes()));
            used.add(method.getGenericReturnType());
            for (Type t : used) {
                if (t.getTypeName().contains("io.nextorm.internal.")) {
                    leaks.add(type.getSimpleName() + "." + method.getName() + ": " + t.getTypeName());
                }
            }
        }
        return leaks;
    }

    @Test
    void noPublicSignatureOfTheApiOrSpiNamesAnInternalType() {
        for (Class<?> type : List.of(AsyncDatabase.class, AsyncQuerySet.class, DbSession.class,
                StatementListener.class, StatementInfo.class, DialectProvider.class, AsyncSelect.class, Tuple.class,
                ValueExpression.class, ScalarQuery.class, Functions.class, SetAttribute.class)) {
            assertThat(internalTypesIn(type)).as(type.getName()).isEmpty();
        }
    }

    @Test
    void theQuerySetHasNoSpecAccessor() {
        assertThat(AsyncQuerySet.class.getMethods()).extracting(Method::getName).doesNotContain("spec");
    }
}
