package com.quickeats.adapter.http.conditional;

import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.order.application.port.in.Precondition;
import com.quickeats.order.domain.OrderId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderETagsTest {
    private static final OrderId ORDER = OrderId.of(15);

    @Test
    void theTagOfAnOrderVersionIsStrongAndQuoted() {
        assertThat(OrderETags.of(ORDER, 3)).isEqualTo("\"order-15-v3\"");
    }

    @Test
    void noHeaderOrABlankOneIsNoPrecondition() {
        assertThat(OrderETags.ifMatch(null, ORDER)).isInstanceOf(Precondition.Missing.class);
        assertThat(OrderETags.ifMatch("  ", ORDER)).isInstanceOf(Precondition.Missing.class);
    }

    @Test
    void aStarMatchesAnyVersion() {
        assertThat(OrderETags.ifMatch(" * ", ORDER)).isInstanceOf(Precondition.AnyVersion.class);
    }

    @Test
    void aListMatchesTheVersionsOfItsStrongTagsForThisOrder() {
        Precondition precondition = OrderETags.ifMatch(
                "\"order-15-v3\", W/\"order-15-v4\", \"order-16-v5\",\"order-15-v7\" , garbage, \"order-15-v01\"",
                ORDER);
        assertThat(precondition).isEqualTo(new Precondition.OneOf(Set.of(3L, 7L)));
    }

    @Test
    void nothingUsableMatchesNothing() {
        assertThat(OrderETags.ifMatch("W/\"order-15-v3\"", ORDER)).isEqualTo(new Precondition.OneOf(Set.of()));
        assertThat(OrderETags.ifMatch("order-15-v3", ORDER)).isEqualTo(new Precondition.OneOf(Set.of()));
        assertThat(OrderETags.ifMatch("\"order-15-v99999999999999999999\"", ORDER))
                .isEqualTo(new Precondition.OneOf(Set.of()));
    }
}
