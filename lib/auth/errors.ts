// next-auth error code for a throttled sign-in; shared by the server and the sign-in form.
export const RATE_LIMITED_ERROR = "RateLimited";
