import { benchReminderSweepSizes } from "@/bench/reminder-sweep-sizes";
await benchReminderSweepSizes();
