package io.vgpio.core.parts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line's drivers and how they resolve to a level. Pure arithmetic, no chip, so the rules are tested alone:
 *
 * <ul>
 * <li>Strong drivers (push-pull, and an open drain pulling low) set the level; when they all agree, that is it.
 * Open drains alone are a wired-AND: any one pulling low makes the line low.</li>
 * <li>Strong drivers disagreeing are a <b>contention</b>. The guest's output wins when the guest is one of them (a
 * line the guest drives reads back what it drives, as a line without parts always has); between parts, low wins
 * (the stronger sink of a real short).</li>
 * <li>With no strong driver, the resistors decide: pull-ups give 1, pull-downs 0, both 0.</li>
 * <li>With no driver at all the line floats and keeps the level it had (the user's {@code set}, for example).</li>
 * </ul>
 */
final class Net {
    /** Driver id of the guest, which drives through its direction and output value. */
    static final int GUEST = -1;

    private final Map<Integer, Drive> drives = new LinkedHashMap<>();
    private final Map<Integer, Integer> owners = new LinkedHashMap<>();

    /** The outcome: the level the guest reads and the parts see, what the outside alone drives, and a contention. */
    record Resolution(int level, int outsideLevel, boolean contention, int highOwner, int lowOwner) {
    }

    /** Sets what one driver does; {@code owner} is the part's id, for a contention report. */
    void set(int driverId, int owner, Drive drive) {
        drives.put(driverId, drive);
        owners.put(driverId, owner);
    }

    void remove(int driverId) {
        drives.remove(driverId);
        owners.remove(driverId);
    }

    boolean isEmpty() {
        return drives.isEmpty();
    }

    /**
     * @param guestDrive the guest's drive: {@link Drive#RELEASED} when its line is an input or unused
     * @param floating the level the line keeps when nobody drives it
     */
    Resolution resolve(Drive guestDrive, int floating) {
        int highOwner = Integer.MIN_VALUE;
        int lowOwner = Integer.MIN_VALUE;
        int ups = 0;
        int downs = 0;
        for (Map.Entry<Integer, Drive> d : drives.entrySet()) {
            Drive drive = d.getValue();
            if (drive.strong()) {
                if (drive.level() == 1) {
                    highOwner = highOwner == Integer.MIN_VALUE ? owners.get(d.getKey()) : highOwner;
                } else {
                    lowOwner = lowOwner == Integer.MIN_VALUE ? owners.get(d.getKey()) : lowOwner;
                }
            } else if (drive == Drive.PULL_UP) {
                ups++;
            } else if (drive == Drive.PULL_DOWN) {
                downs++;
            }
        }
        boolean partHigh = highOwner != Integer.MIN_VALUE;
        boolean partLow = lowOwner != Integer.MIN_VALUE;
        int outside;
        if (partLow) {
            outside = 0;
        } else if (partHigh) {
            outside = 1;
        } else if (ups + downs > 0) {
            outside = downs > 0 ? 0 : 1;
        } else {
            outside = floating;
        }
        if (!guestDrive.strong()) {
            boolean contention = partHigh && partLow;
            return new Resolution(outside, outside, contention, highOwner, lowOwner);
        }
        int guest = guestDrive.level();
        boolean contention = guest == 1 ? partLow : partHigh;
        return new Resolution(guest, outside, contention, guest == 1 ? GUEST : highOwner,
                guest == 0 ? GUEST : lowOwner);
    }
}
