// SPDX-License-Identifier: GPL-2.0
/*
 * vgpio-board: the board file of the vGPIO Workbench test guest.
 *
 * The workbench's virtio-gpio device stands for a board whose lines carry an
 * LED, a push-button and an I2C bus. On a real board a device tree or a board
 * file tells Linux which driver sits on which pin; the test guest has neither,
 * so this module is that board file. It finds the lines by their NAMES (as
 * the device configuration gives them), not by chip and offset, so the same
 * board works whatever order the lines have:
 *
 *   leds-gpio  on line "LED"        default trigger "heartbeat"
 *   gpio-keys  on line "BUTTON"     KEY_ENTER, interrupt on both edges,
 *                                   software debounce (virtio-gpio has none)
 *   i2c-gpio   on lines "SDA"/"SCL" open drain, emulated by gpiolib (lines
 *                                   switch between input and output 0, as
 *                                   virtio-gpio offers no open-drain config)
 *
 * Name lookup: a gpiod_lookup entry whose chip_hwnum is U16_MAX takes its key
 * as a line name and searches every chip (gpiolib.c, gpiod_find(), 6.1).
 * leds-gpio and i2c-gpio ask gpiolib for their lines through such tables.
 * gpio-keys on 6.1 takes platform-data buttons only by legacy GPIO number, so
 * the button's line is looked up by name here once and its number passed on.
 *
 * I2C clients (lm75 at 0x48, 24c02 at 0x50) are deliberately not created
 * here: a bound driver makes i2cdetect print UU instead of the address. A test
 * binds them when it wants them:
 *   echo lm75 0x48 > /sys/bus/i2c/devices/i2c-0/new_device
 * For the same reason the adapter's class is cleared: i2c-gpio registers it as
 * I2C_CLASS_HWMON, and the I2C core then lets lm75's detect() probe 0x48-0x4f
 * and bind on its own whenever lm75 is loaded (load it after this module).
 *
 * Every name and timing is a module parameter, for a board with other names.
 */
#include <linux/err.h>
#include <linux/gpio.h>
#include <linux/gpio/consumer.h>
#include <linux/gpio/machine.h>
#include <linux/gpio_keys.h>
#include <linux/i2c.h>
#include <linux/input.h>
#include <linux/jiffies.h>
#include <linux/leds.h>
#include <linux/module.h>
#include <linux/platform_data/i2c-gpio.h>
#include <linux/platform_device.h>

/* A lookup entry with this "offset" names a line instead (see above). */
#define BY_LINE_NAME U16_MAX

static char *led = "LED";
module_param(led, charp, 0444);
MODULE_PARM_DESC(led, "name of the LED line (leds-gpio, active high)");
static char *led_trigger = "heartbeat";
module_param(led_trigger, charp, 0444);
MODULE_PARM_DESC(led_trigger, "the LED's default trigger");
static char *button = "BUTTON";
module_param(button, charp, 0444);
MODULE_PARM_DESC(button, "name of the button line (gpio-keys, KEY_ENTER)");
static bool button_active_low = true;
module_param(button_active_low, bool, 0444);
MODULE_PARM_DESC(button_active_low, "the button pulls its line low when pressed (a pull-up button; default)");
static int debounce_ms = 5;
module_param(debounce_ms, int, 0444);
MODULE_PARM_DESC(debounce_ms, "gpio-keys debounce interval in ms");
static char *sda = "SDA";
module_param(sda, charp, 0444);
MODULE_PARM_DESC(sda, "name of the I2C data line");
static char *scl = "SCL";
module_param(scl, charp, 0444);
MODULE_PARM_DESC(scl, "name of the I2C clock line");
static int i2c_bus = 0;
module_param(i2c_bus, int, 0444);
MODULE_PARM_DESC(i2c_bus, "I2C bus number of the i2c-gpio adapter (/dev/i2c-N)");
/*
 * Every bit costs several virtqueue round trips anyway, so the bus is slow
 * whatever the delay; 50 us half-periods (10 kHz nominal) keep it within
 * what any slave accepts.
 */
static int i2c_udelay = 50;
module_param(i2c_udelay, int, 0444);
MODULE_PARM_DESC(i2c_udelay, "i2c-gpio half clock period in us");
/*
 * How long a released SCL may read low (clock stretching) before a transfer
 * fails: one GET_VALUE under TCG on a loaded host can take tens of ms.
 */
static int i2c_timeout_ms = 200;
module_param(i2c_timeout_ms, int, 0444);
MODULE_PARM_DESC(i2c_timeout_ms, "i2c-gpio clock stretching timeout in ms");

#define BOARD "vgpio-board"
#define I2C_DEV_ID_LEN 20

static struct gpiod_lookup_table button_lookup = {
	.dev_id = BOARD,
	.table = { GPIO_LOOKUP("", BY_LINE_NAME, "button", GPIO_ACTIVE_HIGH), {} },
};
static struct gpiod_lookup_table led_lookup = {
	.dev_id = "leds-gpio",
	.table = { GPIO_LOOKUP_IDX("", BY_LINE_NAME, NULL, 0, GPIO_ACTIVE_HIGH), {} },
};
static char i2c_dev_id[I2C_DEV_ID_LEN];
static struct gpiod_lookup_table i2c_lookup = {
	.dev_id = i2c_dev_id,
	.table = {
		GPIO_LOOKUP_IDX("", BY_LINE_NAME, NULL, 0, GPIO_ACTIVE_HIGH | GPIO_OPEN_DRAIN),
		GPIO_LOOKUP_IDX("", BY_LINE_NAME, NULL, 1, GPIO_ACTIVE_HIGH | GPIO_OPEN_DRAIN),
		{},
	},
};

/* Drivers keep pointers into these (platform data copies only the top level). */
static struct gpio_led leds[1];
static const struct gpio_led_platform_data led_data = { .num_leds = 1, .leds = leds };
static struct gpio_keys_button buttons[1];
static const struct gpio_keys_platform_data key_data = {
	.buttons = buttons, .nbuttons = 1, .name = "gpio-keys",
};
static struct i2c_gpio_platform_data i2c_data;

static struct platform_device *board;
static struct platform_device *children[3];

/*
 * The legacy GPIO number of the line called name (gpio-keys wants one), or
 * -EPROBE_DEFER when no chip has such a line, or the error requesting it.
 */
static int line_number(const char *name)
{
	struct gpio_desc *desc;
	int number;

	button_lookup.table[0].key = name;
	gpiod_add_lookup_table(&button_lookup);
	desc = gpiod_get(&board->dev, "button", GPIOD_ASIS);
	gpiod_remove_lookup_table(&button_lookup);
	if (IS_ERR(desc))
		return PTR_ERR(desc);
	number = desc_to_gpio(desc);
	gpiod_put(desc); /* gpio-keys requests it again, by number */
	return number;
}

/* 0 if every line the board uses exists (and is free), else the error, logged with the line's name. */
static int check_lines(void)
{
	const char *names[] = { led, button, sda, scl };
	int i, n;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		n = line_number(names[i]);
		if (n == -EPROBE_DEFER) {
			pr_err(BOARD ": no GPIO line named \"%s\": name the device's lines %s, %s, %s, %s\n",
			       names[i], led, button, sda, scl);
			return -ENODEV;
		}
		if (n < 0) {
			pr_err(BOARD ": GPIO line \"%s\" is not available (%d)\n", names[i], n);
			return n;
		}
	}
	return 0;
}

/* No driver probes the bus for its chips: only the clients a test creates bind. */
static int stop_class_probing(int nr)
{
	struct i2c_adapter *adapter = i2c_get_adapter(nr);

	if (!adapter)
		return -ENODEV;
	adapter->class = 0;
	i2c_put_adapter(adapter);
	return 0;
}

static struct platform_device *add_child(const char *name, int id, const void *data, size_t size)
{
	struct platform_device_info info = {
		.parent = &board->dev, .name = name, .id = id, .data = data, .size_data = size,
	};

	return platform_device_register_full(&info);
}

static void remove_children(void)
{
	int i;

	for (i = ARRAY_SIZE(children) - 1; i >= 0; i--) {
		if (!IS_ERR_OR_NULL(children[i]))
			platform_device_unregister(children[i]);
		children[i] = NULL;
	}
}

static int __init vgpio_board_init(void)
{
	int button_gpio, err;

	board = platform_device_register_simple(BOARD, PLATFORM_DEVID_NONE, NULL, 0);
	if (IS_ERR(board))
		return PTR_ERR(board);

	/*
	 * Every line must be there now (the chip probed before this module
	 * loads): a missing one would only defer its driver's probe for ever.
	 */
	err = check_lines();
	if (err) {
		platform_device_unregister(board);
		return err;
	}
	button_gpio = line_number(button);
	if (button_gpio < 0) {
		platform_device_unregister(board);
		return button_gpio;
	}

	led_lookup.table[0].key = led;
	leds[0] = (struct gpio_led) {
		.name = "vgpio:green:status", .default_trigger = led_trigger,
		.gpio = -1 /* none: the lookup table gives the line */,
	};
	buttons[0] = (struct gpio_keys_button) {
		.code = KEY_ENTER, .type = EV_KEY, .gpio = button_gpio,
		.active_low = button_active_low, .desc = "button",
		.debounce_interval = debounce_ms,
	};
	snprintf(i2c_dev_id, sizeof(i2c_dev_id), "i2c-gpio.%d", i2c_bus);
	i2c_lookup.table[0].key = sda;
	i2c_lookup.table[1].key = scl;
	i2c_data = (struct i2c_gpio_platform_data) {
		.udelay = i2c_udelay, .timeout = msecs_to_jiffies(i2c_timeout_ms),
	};
	gpiod_add_lookup_table(&led_lookup);
	gpiod_add_lookup_table(&i2c_lookup);

	children[0] = add_child("leds-gpio", PLATFORM_DEVID_NONE, &led_data, sizeof(led_data));
	children[1] = add_child("gpio-keys", PLATFORM_DEVID_NONE, &key_data, sizeof(key_data));
	children[2] = add_child("i2c-gpio", i2c_bus, &i2c_data, sizeof(i2c_data));
	err = IS_ERR(children[0]) ? PTR_ERR(children[0]) : IS_ERR(children[1]) ? PTR_ERR(children[1])
		: IS_ERR(children[2]) ? PTR_ERR(children[2]) : 0;
	if (err) {
		remove_children();
		gpiod_remove_lookup_table(&i2c_lookup);
		gpiod_remove_lookup_table(&led_lookup);
		platform_device_unregister(board);
		return err;
	}
	err = stop_class_probing(i2c_bus);
	if (err)
		pr_warn(BOARD ": I2C bus %d is not there (%d): drivers may probe it on their own\n", i2c_bus, err);
	pr_info(BOARD ": LED \"%s\" (%s), button \"%s\" (gpio %d, KEY_ENTER), I2C bus %d on \"%s\"/\"%s\"\n",
		led, led_trigger, button, button_gpio, i2c_bus, sda, scl);
	return 0;
}

static void __exit vgpio_board_exit(void)
{
	remove_children();
	gpiod_remove_lookup_table(&i2c_lookup);
	gpiod_remove_lookup_table(&led_lookup);
	platform_device_unregister(board);
}

module_init(vgpio_board_init);
module_exit(vgpio_board_exit);
MODULE_DESCRIPTION("vGPIO Workbench test board: LED, button and I2C bus on named virtio-gpio lines");
MODULE_LICENSE("GPL");
