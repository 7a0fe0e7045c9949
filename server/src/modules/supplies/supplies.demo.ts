export const suppliesDemo = async () => undefined;
