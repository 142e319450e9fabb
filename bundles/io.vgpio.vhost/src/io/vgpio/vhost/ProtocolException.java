package io.vgpio.vhost;

/** A frontend broke the vhost-user protocol badly enough that the connection cannot go on. */
final class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    ProtocolException(String message) {
        super(message, null, false, false);
    }
}
