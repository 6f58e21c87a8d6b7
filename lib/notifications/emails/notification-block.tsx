import { Button, Link, Section, Text } from "@react-email/components";
import type { NotificationMessage } from "../content";

const label = { color: "#475569", fontSize: "14px", margin: "0" };
const value = { fontSize: "14px", margin: "0 0 8px", fontWeight: 600 };

// The facts of one notification, its one action button, and the same link as a plain URL.
export function NotificationBlock({ message, actionUrl }: { message: NotificationMessage; actionUrl: string }) {
  return (
    <Section>
      <Text style={{ fontSize: "15px", lineHeight: "22px" }}>{message.summary}</Text>
      {message.details.map((d) => (
        <Text key={d.label} style={{ margin: 0 }}>
          <span style={label}>{d.label}: </span>
          <span style={value}>{d.value}</span>
        </Text>
      ))}
      <Button
        href={actionUrl}
        style={{ backgroundColor: "#2450c8", color: "#ffffff", borderRadius: "6px", padding: "10px 16px", fontSize: "14px", fontWeight: 600, marginTop: "16px" }}
      >
        {message.action.label}
      </Button>
      <Text style={{ fontSize: "13px", color: "#475569" }}>
        Or open this link: <Link href={actionUrl}>{actionUrl}</Link>
      </Text>
    </Section>
  );
}
