package com.quickeats.architecture;

import static com.quickeats.architecture.QuickEatsModule.ADAPTER_HTTP;
import static com.quickeats.architecture.QuickEatsModule.ORDER_DOMAIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a class file comes from decides its module; the import and its guards rely on it. */
class QuickEatsModuleTest {

    @Test
    void aClassIsAttributedToItsModuleFromTheReactorFolderTheReactorJarAndTheLocalRepository() {
        assertThat(owner("file:/work/main/adapter-http/target/classes/com/quickeats/adapter/http/A.class"))
                .contains(ADAPTER_HTTP);
        assertThat(owner("jar:file:/work/main/adapter-http/target/adapter-http-0.1.0-SNAPSHOT.jar!/com/A.class"))
                .contains(ADAPTER_HTTP);
        assertThat(owner("jar:file:/root/.m2/repository/com/quickeats/order-domain/0.1.0-SNAPSHOT/"
                + "order-domain-0.1.0-SNAPSHOT.jar!/com/quickeats/order/domain/Order.class"))
                .contains(ORDER_DOMAIN);
    }

    @Test
    void testClassesTestJarsAndOtherJarsBelongToNoModule() {
        assertThat(owner("file:/work/main/order-domain/target/test-classes/com/quickeats/order/domain/T.class"))
                .isEmpty();
        assertThat(owner("file:/work/main/architecture-tests/target/test-classes/com/quickeats/order/domain/"
                + "planted/DomainUsingJdbc.class")).isEmpty();
        assertThat(owner("jar:file:/work/main/order-domain/target/order-domain-0.1.0-SNAPSHOT-tests.jar!/com/T.class"))
                .isEmpty();
        assertThat(owner("jar:file:/root/.m2/repository/io/javalin/javalin/7.2.3/javalin-7.2.3.jar!/io/J.class"))
                .isEmpty();
    }

    @Test
    void aPackageBelongsToTheModuleWhoseTreeHoldsIt() {
        assertThat(QuickEatsModule.owningPackage("com.quickeats.adapter.http.order")).contains(ADAPTER_HTTP);
        assertThat(QuickEatsModule.owningPackage("com.quickeats.order.domain")).contains(ORDER_DOMAIN);
        assertThat(QuickEatsModule.owningPackage("com.quickeats.order.domainx")).isEmpty();
        assertThat(QuickEatsModule.owningPackage("com.quickeats")).isEmpty();
    }

    private static Optional<QuickEatsModule> owner(String uri) {
        return QuickEatsModule.owningArtifact(URI.create(uri));
    }
}
