package com.quickeats.order.application.port.out.planted;

/** Behaviour posing as a port: neither an interface, nor a record, nor an exception. */
public class ConcretePortClass {
    public int answer() {
        return 42;
    }
}
