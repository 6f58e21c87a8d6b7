import { Heading, Hr, Text } from "@react-email/components";
import type { NotificationMessage } from "../content";
import { EmailLayout } from "./email-layout";
import { NotificationBlock } from "./notification-block";

// Several reminders for one person from the same sweep, in one email (★ digest); each keeps its facts,
// its own heading and its own link. The bell still gets one alert per event.
export function DigestEmail(props: {
  subject: string;
  accountName: string;
  items: { message: NotificationMessage; actionUrl: string }[];
  provider: string;
  preferencesUrl: string;
}) {
  const reasons = [...new Set(props.items.map((i) => i.message.reason))].join(" ");
  return (
    <EmailLayout preview={props.subject} provider={props.provider} heading={props.subject} reason={reasons} preferencesUrl={props.preferencesUrl}>
      <Text style={{ fontSize: "15px" }}>
        {props.items.length} things need your attention for {props.accountName}:
      </Text>
      {props.items.map((item, i) => (
        <div key={item.actionUrl + i}>
          {i > 0 ? <Hr style={{ borderColor: "#e2e8f0" }} /> : null}
          <Heading as="h2" style={{ fontSize: "16px", lineHeight: "24px", margin: "16px 0 4px" }}>
            {item.message.title}
          </Heading>
          <NotificationBlock message={item.message} actionUrl={item.actionUrl} />
        </div>
      ))}
    </EmailLayout>
  );
}
