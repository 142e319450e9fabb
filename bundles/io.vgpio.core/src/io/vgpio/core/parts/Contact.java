package io.vgpio.core.parts;

/**
 * A mechanical contact with its resistor: to ground with a pull-up ({@code pull=up}: reads 1 open, 0 closed) or to
 * the supply with a pull-down. Closed, it drives push-pull against the resistor.
 */
final class Contact {
    private final Nets.Driver contact;
    private final boolean toGround;

    Contact(AbstractPart owner, int line, boolean pullUp) {
        owner.resistor(line, pullUp ? Drive.PULL_UP : Drive.PULL_DOWN);
        this.contact = owner.driver(line);
        this.toGround = pullUp;
    }

    void set(boolean closed) {
        contact.drive(closed ? (toGround ? Drive.LOW : Drive.HIGH) : Drive.RELEASED);
    }

    int line() {
        return contact.line();
    }
}
