package io.vgpio.core.parts;

/** The bus keys every I2C part has: {@code sda= scl= addr=} and {@code pull=up|none} (pull-ups on both lines). */
record I2cPins(int sda, int scl, int address, boolean pullUps) {
    static final String KEYS = "sda, scl, addr, pull";

    static I2cPins parse(PartArgs a, String exampleAddress) throws PartException {
        I2cPins p = new I2cPins(a.line("sda"), a.line("scl"), a.address("addr", exampleAddress),
                a.choice("pull", "up", "none").equals("up"));
        if (p.sda == p.scl) {
            throw new PartException("sda and scl must be different lines, not both " + p.sda);
        }
        return p;
    }

    String describe() {
        return String.format("sda=%d scl=%d addr=0x%02x%s", sda, scl, address, pullUps ? "" : " pull=none");
    }
}
