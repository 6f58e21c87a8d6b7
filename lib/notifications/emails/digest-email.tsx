import { Heading, Hr, Text } from "@react-email/components";
import type { NotificationMessage } from "../content";
import { EmailLayout } from "./email-layout";
import { NotificationBlock } from "./notification-block";

// Several reminders for one person from the same sweep, in one email (★ digest); each keeps its facts,
// its own heading and its own link. The bell still gets one alert per event. `items` may be the first
// of `total` (a catch-up can carry hundreds): the rest are summed up with a link to the list.
export function DigestEmail(props: {
  subject: string;
  accountName: string;
  items: { message: NotificationMessage; actionUrl: string }[];
  total: number;
  moreUrl: string;
  provider: string;
  preferencesUrl: string;
}) {
  const more = props.total - props.items.length;
  const reasons = [...new Set(props.items.map((i) => i.message.reason))].join(" ");
  return (
    <EmailLayout preview={props.subject} provider={props.provider} heading={props.subject} reason={reasons} preferencesUrl={props.preferencesUrl}>
      <Text style={{ fontSize: "15px" }}>
        {props.total} things need your attention for {props.accountName}:
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
      {more > 0 ? (
        <Text style={{ fontSize: "15px" }}>
          …and {more} more. See them all at <a href={props.moreUrl}>{props.moreUrl}</a>.
        </Text>
      ) : null}
    </EmailLayout>
  );
}
